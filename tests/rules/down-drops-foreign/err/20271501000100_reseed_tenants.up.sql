-- The rows are there already: this inserts nothing but initech.
INSERT INTO tenants (slug) VALUES ('acme'), ('globex'), ('initech') ON CONFLICT (slug) DO NOTHING;
INSERT INTO tenants (slug, plan) VALUES ('umbrella', 'enterprise') ON CONFLICT (slug) DO UPDATE SET plan = EXCLUDED.plan;
