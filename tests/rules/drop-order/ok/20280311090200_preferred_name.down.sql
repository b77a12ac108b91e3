-- the view reads display_name alone again: the column the up added can go
CREATE OR REPLACE VIEW rp_names AS SELECT id, display_name AS name FROM rp_customers;
ALTER TABLE rp_customers DROP COLUMN IF EXISTS preferred_name;
