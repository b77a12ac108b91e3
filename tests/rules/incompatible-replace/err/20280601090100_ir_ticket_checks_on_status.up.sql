-- only check on status changes
CREATE OR REPLACE TRIGGER ir_tickets_check_closed_at
    AFTER INSERT OR UPDATE OF status, closed_at ON ir_tickets_checked
    FOR EACH ROW EXECUTE FUNCTION ir_check_closed_at();
