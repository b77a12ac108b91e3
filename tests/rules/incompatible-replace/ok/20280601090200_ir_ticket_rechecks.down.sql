DROP TABLE IF EXISTS ir_tickets_rechecked;
DROP FUNCTION IF EXISTS ir_recheck_closed_at();
