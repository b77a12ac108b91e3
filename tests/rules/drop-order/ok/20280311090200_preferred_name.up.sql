ALTER TABLE rp_customers ADD COLUMN IF NOT EXISTS preferred_name text;
CREATE OR REPLACE VIEW rp_names AS
SELECT id, coalesce(preferred_name, display_name) AS name FROM rp_customers;
