-- hooli was deleted since: this up inserts it again, and initech, and its down deletes only those.
INSERT INTO tenants (slug) VALUES ('acme'), ('initech'), ('hooli') ON CONFLICT (slug) DO NOTHING;
