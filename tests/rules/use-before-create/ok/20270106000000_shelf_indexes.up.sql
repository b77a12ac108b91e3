-- Columns from LIKE, INHERITS, PARTITION OF, AS and OF a type: the replay does not list them.
CREATE INDEX IF NOT EXISTS shelves_copy_name_idx ON shelves_copy (name);
CREATE INDEX IF NOT EXISTS shelves_child_name_idx ON shelves_child (name);
CREATE INDEX IF NOT EXISTS bins_one_name_idx ON bins_one (name);
CREATE INDEX IF NOT EXISTS shelf_names_name_idx ON shelf_names (name);
CREATE INDEX IF NOT EXISTS shelf_sizes_width_idx ON shelf_sizes (width);
-- Dynamic SQL may add a column.
DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS %I text', 'shelf_tags', 'tag'); END $$;
CREATE INDEX IF NOT EXISTS shelf_tags_tag_idx ON shelf_tags (tag);
-- ALTER TABLE adds its columns before its constraints.
ALTER TABLE shelves ADD CONSTRAINT shelves_height_check CHECK (height > 0), ADD COLUMN height integer;
ALTER TABLE shelves ADD CONSTRAINT shelves_tableoid_check CHECK (tableoid <> 0);
-- Output names and whole rows are not columns.
CREATE OR REPLACE VIEW shelf_counts AS SELECT lower(name) AS n, count(*) FROM shelves GROUP BY n ORDER BY n;
CREATE OR REPLACE VIEW shelf_rows AS SELECT row_to_json(s) AS j FROM shelves s;
CREATE OR REPLACE VIEW shelf_first AS SELECT DISTINCT ON (n) lower(name) AS n FROM shelves ORDER BY n;
CREATE INDEX IF NOT EXISTS shelves_label_idx ON shelves ("Label", COLOUR) INCLUDE (name);
COMMENT ON COLUMN shelf_counts.n IS 'the lower-case name';
-- Guarded: the guard decides.
DO $$ BEGIN ALTER TABLE shelves ALTER COLUMN depth SET NOT NULL; EXCEPTION WHEN undefined_column THEN NULL; END $$;
DO $$ BEGIN IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'shelves'::regclass AND attname = 'depth') THEN ALTER TABLE shelves ALTER COLUMN depth SET NOT NULL; END IF; END $$;
ALTER TABLE shelves DROP COLUMN IF EXISTS depth;
-- Renamed away and back.
ALTER TABLE shelves RENAME COLUMN name TO title;
ALTER TABLE shelves RENAME COLUMN title TO name;
CREATE INDEX IF NOT EXISTS shelves_name_idx ON shelves (name);
-- The table's name is its whole row.
ALTER TABLE shelves ADD CONSTRAINT shelves_row_check CHECK (shelves IS NOT NULL);
