ALTER TABLE rp_customers ADD COLUMN IF NOT EXISTS full_name text;
CREATE OR REPLACE VIEW rp_names AS SELECT id, full_name AS name FROM rp_customers;
CREATE TABLE IF NOT EXISTS rp_legacy_customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE OR REPLACE VIEW rp_directory AS SELECT id, name FROM rp_legacy_customers;
