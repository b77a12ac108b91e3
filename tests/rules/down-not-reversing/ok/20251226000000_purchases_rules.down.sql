ALTER TABLE buyers ADD CONSTRAINT buyers_code_key UNIQUE (code);
ALTER TABLE purchases ADD CONSTRAINT purchases_qty_check
  CHECK ((((qty > 0) AND ((qty < 1000) AND (qty <> 13)))));
DROP INDEX IF EXISTS purchases_qty_idx;
CREATE INDEX IF NOT EXISTS purchases_qty_idx ON purchases (qty) WHERE (qty > 10);
ALTER TABLE purchases DROP CONSTRAINT IF EXISTS purchases_customer_id_fkey;
ALTER TABLE purchases ADD CONSTRAINT purchases_customer_id_fkey FOREIGN KEY (customer_id)
  REFERENCES public.buyers (id) ON DELETE SET NULL;
