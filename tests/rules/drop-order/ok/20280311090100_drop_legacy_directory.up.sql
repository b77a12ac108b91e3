-- CREATE OR REPLACE VIEW replaces what the view depends on: the legacy table, and the column
-- the view read, can go (PostgreSQL drops both)
CREATE OR REPLACE VIEW rp_directory AS SELECT id, display_name AS name FROM rp_customers;
DROP TABLE IF EXISTS rp_legacy_customers;
CREATE OR REPLACE VIEW rp_names AS SELECT id, display_name AS name FROM rp_customers;
ALTER TABLE rp_customers DROP COLUMN IF EXISTS full_name;
