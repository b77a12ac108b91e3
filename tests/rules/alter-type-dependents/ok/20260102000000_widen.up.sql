-- What reads the column dropped first and made again after: every run does the same.
DROP VIEW IF EXISTS fx_rates_fees;
ALTER TABLE fx_rates ALTER COLUMN fee TYPE numeric(12, 6);
CREATE OR REPLACE VIEW fx_rates_fees AS SELECT base, fee FROM fx_rates;
DROP POLICY IF EXISTS fx_rates_owner ON fx_rates;
ALTER TABLE fx_rates ALTER COLUMN owner_id TYPE bigint;
CREATE POLICY fx_rates_owner ON fx_rates USING (owner_id = 42);
-- Nothing reads this column but an index, which PostgreSQL rebuilds.
CREATE INDEX IF NOT EXISTS fx_rates_amount_idx ON fx_rates (amount);
ALTER TABLE fx_rates ALTER COLUMN amount TYPE bigint;
