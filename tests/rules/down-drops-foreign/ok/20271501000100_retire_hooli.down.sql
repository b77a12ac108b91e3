INSERT INTO tenants (slug) VALUES ('hooli') ON CONFLICT (slug) DO NOTHING;
