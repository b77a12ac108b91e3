-- deletes are audited too, once the trigger is on again
CREATE OR REPLACE TRIGGER tm_rates_audit_trg
    AFTER INSERT OR UPDATE OR DELETE ON tm_rates
    FOR EACH ROW EXECUTE FUNCTION tm_rates_log();
