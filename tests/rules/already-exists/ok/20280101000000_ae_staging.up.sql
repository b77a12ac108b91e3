-- Temporary tables that end with their migration: ON COMMIT DROP, or dropped at its end.
CREATE TEMP TABLE staged ON COMMIT DROP AS SELECT 1 AS id;
CREATE TEMP TABLE moved (id bigint);
DROP TABLE moved;
