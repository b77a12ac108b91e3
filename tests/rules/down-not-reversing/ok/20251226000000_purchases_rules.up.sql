-- Redefined, and made back as they were by the down.
ALTER TABLE purchases DROP CONSTRAINT IF EXISTS purchases_customer_id_fkey,
  ADD CONSTRAINT purchases_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES buyers (id)
    ON DELETE CASCADE;
DROP INDEX IF EXISTS purchases_qty_idx;
CREATE INDEX IF NOT EXISTS purchases_qty_idx ON purchases (qty) WHERE qty > 100;
-- Dropped and added again as it was (NOT VALID, then validated): nothing for the down to do.
ALTER TABLE purchases DROP CONSTRAINT IF EXISTS purchases_status_check;
ALTER TABLE purchases ADD CONSTRAINT purchases_status_check CHECK (status IN ('new', 'paid')) NOT VALID;
ALTER TABLE purchases VALIDATE CONSTRAINT purchases_status_check;
-- Dropped; the down adds them back in pg_dump's hand.
ALTER TABLE purchases DROP CONSTRAINT IF EXISTS purchases_qty_check;
ALTER TABLE buyers DROP CONSTRAINT IF EXISTS buyers_code_key;
-- The type it had: values rewritten, not the type.
ALTER TABLE purchases ALTER COLUMN type TYPE text USING lower(type);
