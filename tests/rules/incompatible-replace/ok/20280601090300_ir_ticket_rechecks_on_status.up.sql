-- only check on status changes: the constraint trigger dropped first, a plain trigger made anew
DROP TRIGGER IF EXISTS ir_tickets_recheck_closed_at ON ir_tickets_rechecked;
CREATE OR REPLACE TRIGGER ir_tickets_recheck_closed_at
    AFTER INSERT OR UPDATE OF status, closed_at ON ir_tickets_rechecked
    FOR EACH ROW EXECUTE FUNCTION ir_recheck_closed_at();
