CREATE TABLE IF NOT EXISTS fx_orders (id bigint PRIMARY KEY, amount numeric CHECK (amount > 0));
DO $$ BEGIN
  IF to_regtype('fx_email') IS NULL THEN CREATE DOMAIN fx_email AS text; END IF;
END $$;
CREATE OR REPLACE FUNCTION fx_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE OR REPLACE TRIGGER fx_orders_touch BEFORE UPDATE ON fx_orders FOR EACH ROW EXECUTE FUNCTION fx_touch();
