-- Not the index the up dropped: its WHERE lets 0 in.
CREATE INDEX IF NOT EXISTS accounts_positive ON accounts (id DESC) WHERE id >= 0;
