-- An unlogged table made by CREATE TABLE ... AS: a logged table may not reference it.
CREATE UNLOGGED TABLE IF NOT EXISTS account_snapshot AS SELECT 1::bigint AS id;
ALTER TABLE account_snapshot ADD PRIMARY KEY (id);
CREATE UNLOGGED TABLE IF NOT EXISTS snapshot_note (snapshot_id bigint REFERENCES account_snapshot);
ALTER TABLE snapshot_note SET LOGGED;
