-- dp_tenants is found in public, the second schema of the path: the foreign key references it.
SET LOCAL search_path = dp_template, public;
CREATE TABLE IF NOT EXISTS dp_invoices (
    id        bigint PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES dp_tenants (id)
);
