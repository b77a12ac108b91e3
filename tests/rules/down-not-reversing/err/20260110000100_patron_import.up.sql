-- The staging table is filled before the copy: the copy adds rows the down must delete.
CREATE TABLE IF NOT EXISTS staged_patrons (email text NOT NULL, first_name text);
INSERT INTO staged_patrons (email, first_name) VALUES ('ada@example.com', 'Ada');
INSERT INTO patrons (email, first_name)
SELECT email, first_name FROM staged_patrons
ON CONFLICT (email) DO NOTHING;
-- An aggregate gives a row even over an empty table.
CREATE TABLE IF NOT EXISTS legacy_patrons (email text NOT NULL);
INSERT INTO patrons (email) SELECT 'legacy-' || count(*) FROM legacy_patrons ON CONFLICT (email) DO NOTHING;
