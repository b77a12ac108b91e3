CREATE OR REPLACE TRIGGER tm_fees_audit_trg
    AFTER INSERT OR UPDATE ON tm_fees
    FOR EACH ROW EXECUTE FUNCTION tm_fees_log();
-- CREATE OR REPLACE TRIGGER made it ENABLE: off again, as before the up
ALTER TABLE tm_fees DISABLE TRIGGER tm_fees_audit_trg;
