DROP TABLE IF EXISTS ir_tickets_checked;
DROP FUNCTION IF EXISTS ir_check_closed_at();
