CREATE TABLE IF NOT EXISTS rp_accounts (id bigint PRIMARY KEY, updated_at timestamptz NOT NULL DEFAULT now());
CREATE OR REPLACE FUNCTION rp_accounts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;
CREATE OR REPLACE TRIGGER rp_accounts_set_updated_at
    BEFORE UPDATE ON rp_accounts
    FOR EACH ROW EXECUTE FUNCTION rp_accounts_touch();
