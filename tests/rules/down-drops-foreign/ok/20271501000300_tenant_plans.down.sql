-- The row is written back as it was.
DELETE FROM tenants WHERE slug = 'acme';
INSERT INTO tenants (slug, plan) VALUES ('acme', 'free');
