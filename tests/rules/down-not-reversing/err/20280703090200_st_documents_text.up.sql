ALTER TABLE st_documents ALTER COLUMN body TYPE text;
