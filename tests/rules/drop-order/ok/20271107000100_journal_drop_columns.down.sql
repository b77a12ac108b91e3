ALTER TABLE journal_lines ADD COLUMN IF NOT EXISTS tag text;
ALTER TABLE journal_lines ADD COLUMN IF NOT EXISTS memo text;
