DROP TRIGGER IF EXISTS ir_tickets_check_closed_at ON ir_tickets_checked;
CREATE CONSTRAINT TRIGGER ir_tickets_check_closed_at
    AFTER INSERT OR UPDATE ON ir_tickets_checked
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ir_check_closed_at();
