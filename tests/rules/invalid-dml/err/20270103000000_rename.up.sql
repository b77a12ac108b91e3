ALTER TABLE ticket RENAME COLUMN title TO subject;
ALTER TABLE ticket DROP COLUMN old_note;
UPDATE ticket SET title = 'x';
INSERT INTO ticket (subject, old_note) VALUES ('a', 'b');
ALTER TABLE ticket ALTER COLUMN id DROP DEFAULT;
ALTER TABLE ticket ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
INSERT INTO ticket (id, subject) VALUES (1, 'first');
DO $$
BEGIN
    INSERT INTO ticket (id, subject) VALUES (2, 'second');
END
$$;
