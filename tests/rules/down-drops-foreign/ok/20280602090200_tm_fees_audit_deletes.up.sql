-- deletes are audited too, once the trigger is on again
CREATE OR REPLACE TRIGGER tm_fees_audit_trg
    AFTER INSERT OR UPDATE OR DELETE ON tm_fees
    FOR EACH ROW EXECUTE FUNCTION tm_fees_log();
