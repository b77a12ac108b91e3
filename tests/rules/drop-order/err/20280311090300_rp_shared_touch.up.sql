CREATE OR REPLACE FUNCTION rp_set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;
CREATE OR REPLACE TRIGGER rp_accounts_set_updated_at
    BEFORE UPDATE ON rp_accounts
    FOR EACH ROW EXECUTE FUNCTION rp_set_updated_at();
