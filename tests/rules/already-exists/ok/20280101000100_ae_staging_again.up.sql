CREATE TEMP TABLE staged (id int) ON COMMIT DROP;
CREATE TEMP TABLE moved (id bigint);
DROP TABLE moved;
