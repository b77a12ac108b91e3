-- An unqualified name is looked up in each schema of the path in turn: sp_tenants is found in
-- public, the second one; sp_invoices is made in sp_template, the first.
SET LOCAL search_path = sp_template, public;
CREATE TABLE IF NOT EXISTS sp_invoices (
    id        bigint PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES sp_tenants (id)
);
ALTER TABLE sp_tenants ADD COLUMN IF NOT EXISTS name text;
CREATE INDEX IF NOT EXISTS sp_tenants_name_idx ON sp_tenants (name);
COMMENT ON COLUMN sp_tenants.name IS 'shown on invoices';
INSERT INTO sp_invoices (id, tenant_id) SELECT 1, id FROM sp_tenants WHERE name = 'acme'
ON CONFLICT DO NOTHING;
