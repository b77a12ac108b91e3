-- deletes are audited too, once the trigger is on again
CREATE OR REPLACE TRIGGER tm_prices_audit_trg
    AFTER INSERT OR UPDATE OR DELETE ON tm_prices
    FOR EACH ROW EXECUTE FUNCTION tm_prices_log();
