-- CREATE TABLE ... AS names its columns as PostgreSQL does: kind, and n from the alias.
CREATE TABLE IF NOT EXISTS cat_events (id bigint PRIMARY KEY, kind text NOT NULL);
CREATE TABLE IF NOT EXISTS cat_kind_counts AS SELECT kind, count(*) AS n FROM cat_events GROUP BY kind;
-- SELECT *: sqlgate cannot name the columns.
CREATE TABLE IF NOT EXISTS cat_events_copy AS SELECT * FROM cat_events;
