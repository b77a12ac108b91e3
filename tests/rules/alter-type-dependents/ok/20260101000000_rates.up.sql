CREATE TABLE IF NOT EXISTS fx_rates (
  id bigint PRIMARY KEY,
  base text NOT NULL,
  fee numeric(10, 2),
  amount integer,
  owner_id integer,
  weight integer
);
ALTER TABLE fx_rates ADD COLUMN IF NOT EXISTS weight_x2 integer GENERATED ALWAYS AS (weight * 2) STORED;
CREATE OR REPLACE VIEW fx_rates_fees AS SELECT base, fee FROM fx_rates;
ALTER TABLE fx_rates ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS fx_rates_owner ON fx_rates;
CREATE POLICY fx_rates_owner ON fx_rates USING (owner_id = 42);
