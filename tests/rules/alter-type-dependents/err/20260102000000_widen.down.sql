DROP VIEW IF EXISTS fx_rates_amounts;
ALTER TABLE fx_rates ALTER COLUMN amount TYPE integer;
