CREATE TABLE IF NOT EXISTS articles (
  id bigint PRIMARY KEY,
  status text NOT NULL DEFAULT 'pending',
  kind text DEFAULT 'note'
);
CREATE TABLE IF NOT EXISTS article_copies AS SELECT * FROM articles;
