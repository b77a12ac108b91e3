CREATE TABLE fixd_orders (
  id bigint PRIMARY KEY,
  code text UNIQUE,
  amount numeric CHECK (amount > 0),
  during tsrange,
  EXCLUDE USING gist (during WITH &&)
);
ALTER TABLE fixd_orders VALIDATE CONSTRAINT fixd_orders_pkey;
ALTER TABLE fixd_orders VALIDATE CONSTRAINT fixd_orders_code_key;
ALTER TABLE fixd_orders VALIDATE CONSTRAINT fixd_orders_during_excl;
ALTER TABLE fixd_orders VALIDATE CONSTRAINT fixd_orders_amount_check,
  VALIDATE CONSTRAINT fixd_orders_pkey;
CREATE UNIQUE INDEX fixd_orders_amount_idx ON fixd_orders (amount);
ALTER TABLE fixd_orders ADD CONSTRAINT fixd_orders_amount_key UNIQUE USING INDEX fixd_orders_amount_idx;
ALTER TABLE fixd_orders VALIDATE CONSTRAINT fixd_orders_amount_key;
