SET lock_timeout = '5s';
DROP TRIGGER IF EXISTS hosts_set_updated_at ON hosts;
ALTER TABLE IF EXISTS hosts DROP CONSTRAINT IF EXISTS hosts_organization_id_hostname_key;
DROP INDEX IF EXISTS hosts_details_idx;
DROP TABLE IF EXISTS hosts;
