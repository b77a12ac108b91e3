CREATE OR REPLACE TRIGGER tm_rates_audit_trg
    AFTER INSERT OR UPDATE ON tm_rates
    FOR EACH ROW EXECUTE FUNCTION tm_rates_log();
-- CREATE OR REPLACE TRIGGER made it ENABLE: off again, as before the up
ALTER TABLE tm_rates DISABLE TRIGGER tm_rates_audit_trg;
