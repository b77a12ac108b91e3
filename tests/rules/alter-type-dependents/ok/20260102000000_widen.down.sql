DROP VIEW IF EXISTS fx_rates_fees;
DROP POLICY IF EXISTS fx_rates_owner ON fx_rates;
ALTER TABLE fx_rates ALTER COLUMN fee TYPE numeric(10, 2);
ALTER TABLE fx_rates ALTER COLUMN owner_id TYPE integer;
ALTER TABLE fx_rates ALTER COLUMN amount TYPE integer;
CREATE OR REPLACE VIEW fx_rates_fees AS SELECT base, fee FROM fx_rates;
CREATE POLICY fx_rates_owner ON fx_rates USING (owner_id = 42);
DROP INDEX IF EXISTS fx_rates_amount_idx;
