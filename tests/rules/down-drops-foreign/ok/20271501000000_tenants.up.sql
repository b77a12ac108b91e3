CREATE TABLE IF NOT EXISTS tenants (slug text PRIMARY KEY, plan text NOT NULL DEFAULT 'free');
INSERT INTO tenants (slug) VALUES ('acme'), ('globex'), ('hooli') ON CONFLICT (slug) DO NOTHING;
