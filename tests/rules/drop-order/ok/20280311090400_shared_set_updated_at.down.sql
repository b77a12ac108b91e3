-- the down points everything back first, then drops the shared function
CREATE TABLE IF NOT EXISTS rp_legacy_accounts (id bigint PRIMARY KEY);
CREATE OR REPLACE FUNCTION rp_account_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
    SELECT count(*) FROM rp_legacy_accounts;
END;

ALTER TABLE rp_accounts ADD COLUMN IF NOT EXISTS status text;
CREATE OR REPLACE FUNCTION rp_accounts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER rp_accounts_status_touch
    BEFORE UPDATE OF status ON rp_accounts
    FOR EACH ROW EXECUTE FUNCTION rp_accounts_touch();
CREATE OR REPLACE TRIGGER rp_accounts_set_updated_at
    BEFORE UPDATE ON rp_accounts
    FOR EACH ROW EXECUTE FUNCTION rp_accounts_touch();

DROP FUNCTION IF EXISTS rp_set_updated_at();
