CREATE TABLE IF NOT EXISTS rp_accounts (
    id bigint PRIMARY KEY,
    status text,
    state text,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS rp_legacy_accounts (id bigint PRIMARY KEY);

CREATE OR REPLACE FUNCTION rp_accounts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER rp_accounts_set_updated_at
    BEFORE UPDATE ON rp_accounts
    FOR EACH ROW EXECUTE FUNCTION rp_accounts_touch();
CREATE OR REPLACE TRIGGER rp_accounts_status_touch
    BEFORE UPDATE OF status ON rp_accounts
    FOR EACH ROW EXECUTE FUNCTION rp_accounts_touch();

CREATE OR REPLACE FUNCTION rp_account_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
    SELECT count(*) FROM rp_legacy_accounts;
END;
