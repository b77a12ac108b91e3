CREATE TABLE IF NOT EXISTS up_base (id bigint PRIMARY KEY, m int);
CREATE MATERIALIZED VIEW IF NOT EXISTS up_monthly AS SELECT 1 AS m WITH NO DATA;
SELECT count(*) FROM up_monthly;
INSERT INTO up_base SELECT 1, m FROM up_monthly;
UPDATE up_base SET m = up_monthly.m FROM up_monthly;
DELETE FROM up_base WHERE m IN (SELECT m FROM public.up_monthly);
