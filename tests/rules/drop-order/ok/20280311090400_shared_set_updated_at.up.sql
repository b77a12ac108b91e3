-- CREATE OR REPLACE TRIGGER (PostgreSQL 14+) repoints the triggers, and CREATE OR REPLACE
-- FUNCTION gives the BEGIN ATOMIC body new dependencies: the old function, the column UPDATE OF
-- named and the table the body read can go
CREATE OR REPLACE FUNCTION rp_set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER rp_accounts_set_updated_at
    BEFORE UPDATE ON rp_accounts
    FOR EACH ROW EXECUTE FUNCTION rp_set_updated_at();
CREATE OR REPLACE TRIGGER rp_accounts_status_touch
    BEFORE UPDATE OF state ON rp_accounts
    FOR EACH ROW EXECUTE FUNCTION rp_set_updated_at();

DROP FUNCTION IF EXISTS rp_accounts_touch();
ALTER TABLE rp_accounts DROP COLUMN IF EXISTS status;

CREATE OR REPLACE FUNCTION rp_account_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
    SELECT count(*) FROM rp_accounts;
END;
DROP TABLE IF EXISTS rp_legacy_accounts;
