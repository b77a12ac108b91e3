DROP TRIGGER IF EXISTS ir_tickets_recheck_closed_at ON ir_tickets_rechecked;
CREATE CONSTRAINT TRIGGER ir_tickets_recheck_closed_at
    AFTER INSERT OR UPDATE ON ir_tickets_rechecked
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ir_recheck_closed_at();
