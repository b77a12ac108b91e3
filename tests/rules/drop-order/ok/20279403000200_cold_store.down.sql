ALTER MATERIALIZED VIEW IF EXISTS cold_store.monthly_totals SET SCHEMA public;
ALTER TABLE cold_store.monthly_notes SET SCHEMA public;
ALTER FUNCTION cold_store.monthly_total() SET SCHEMA public;
DROP SCHEMA IF EXISTS cold_store;
