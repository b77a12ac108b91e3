DROP TABLE IF EXISTS entries;
CREATE TABLE IF NOT EXISTS postings (
  id bigserial PRIMARY KEY,
  account text NOT NULL DEFAULT '',
  amount int NOT NULL,
  posted_at timestamp,
  source text NOT NULL
);
