-- the trigger is defined again with the up's function, which the down then drops
CREATE OR REPLACE TRIGGER rp_accounts_set_updated_at
    BEFORE UPDATE ON rp_accounts
    FOR EACH ROW EXECUTE FUNCTION rp_set_updated_at();
DROP FUNCTION IF EXISTS rp_set_updated_at();
