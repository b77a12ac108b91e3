CREATE TABLE IF NOT EXISTS rp_legacy_customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS rp_customers (id bigint PRIMARY KEY, full_name text, display_name text);
CREATE OR REPLACE VIEW rp_directory AS SELECT id, name FROM rp_legacy_customers;
CREATE OR REPLACE VIEW rp_names AS SELECT id, full_name AS name FROM rp_customers;
