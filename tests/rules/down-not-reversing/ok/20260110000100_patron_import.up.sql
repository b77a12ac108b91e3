-- Copied from a table this up has just made, still empty: the copy adds no rows.
CREATE TABLE IF NOT EXISTS legacy_patrons (legacy_id bigint PRIMARY KEY, email text NOT NULL, first_name text);
INSERT INTO patrons (email, first_name)
SELECT lower(l.email), l.first_name FROM legacy_patrons l LEFT JOIN patrons p ON p.email = l.email
WHERE p.id IS NULL
ON CONFLICT (email) DO UPDATE SET first_name = COALESCE(patrons.first_name, EXCLUDED.first_name);
