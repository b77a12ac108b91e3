CREATE TABLE IF NOT EXISTS tenants (slug text PRIMARY KEY, plan text NOT NULL DEFAULT 'free');
INSERT INTO tenants (slug) VALUES ('acme'), ('globex') ON CONFLICT (slug) DO NOTHING;
INSERT INTO tenants VALUES ('umbrella', 'pro') ON CONFLICT DO NOTHING;
