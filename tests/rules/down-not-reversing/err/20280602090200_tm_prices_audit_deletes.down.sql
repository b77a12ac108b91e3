CREATE OR REPLACE TRIGGER tm_prices_audit_trg
    AFTER INSERT OR UPDATE ON tm_prices
    FOR EACH ROW EXECUTE FUNCTION tm_prices_log();
