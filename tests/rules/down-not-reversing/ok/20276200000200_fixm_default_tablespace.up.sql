-- No migration puts anything in another tablespace: all of these are in the default one
-- already, and PostgreSQL moves nothing.
ALTER MATERIALIZED VIEW fixm_totals SET TABLESPACE pg_default;
ALTER INDEX fixm_totals_x SET TABLESPACE pg_default;
ALTER TABLE fixm_ledger SET TABLESPACE pg_default;
