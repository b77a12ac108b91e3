-- tickets is now the view left with the table's old name: table commands fail on it
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS summary text;
CREATE INDEX IF NOT EXISTS tickets_title_idx ON tickets (title);
ALTER TABLE tickets ADD CONSTRAINT tickets_title_not_blank CHECK (title <> '');
ALTER TABLE tickets ALTER COLUMN title DROP NOT NULL;
COMMENT ON TABLE tickets IS 'compatibility view';
TRUNCATE tickets;
