CREATE TABLE IF NOT EXISTS postings (
  id bigserial PRIMARY KEY,
  account text NOT NULL,
  amount int NOT NULL,
  flagged boolean NOT NULL DEFAULT false,
  note text,
  posted_at timestamp
);
ALTER TABLE postings ALTER COLUMN posted_at TYPE timestamptz;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS source text NOT NULL;
