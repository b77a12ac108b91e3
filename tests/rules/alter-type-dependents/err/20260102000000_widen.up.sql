-- A view, a policy and a generated column read these columns already: the first run fails.
ALTER TABLE fx_rates ALTER COLUMN fee TYPE numeric(12, 6);
ALTER TABLE fx_rates ALTER COLUMN owner_id TYPE bigint;
ALTER TABLE fx_rates ALTER COLUMN weight TYPE bigint;
-- The view made after the type change: the second run finds it and fails.
ALTER TABLE fx_rates ALTER COLUMN amount TYPE bigint;
CREATE OR REPLACE VIEW fx_rates_amounts AS SELECT base, amount FROM fx_rates;
