-- The name PostgreSQL gave the column's check, and the constraint USING INDEX names after the index.
ALTER TABLE fx_items VALIDATE CONSTRAINT fx_items_qty_check;
COMMENT ON CONSTRAINT fx_items_code_idx ON fx_items IS 'one per code';
-- Added and validated by one statement: PostgreSQL adds constraints first.
ALTER TABLE fx_items ADD CONSTRAINT fx_items_qty_small CHECK (qty < 1000) NOT VALID,
  VALIDATE CONSTRAINT fx_items_qty_small;
ALTER TABLE fx_items DISABLE TRIGGER fx_items_touch, DISABLE TRIGGER USER;
ALTER TABLE fx_items DROP CONSTRAINT IF EXISTS fx_items_gone;
-- A partition takes its parent's row triggers, under the same name.
ALTER TABLE fx_parts_1 DISABLE TRIGGER fx_parts_touch;
-- A handler for undefined_object catches the missing constraint.
DO $$ BEGIN
  ALTER TABLE fx_items VALIDATE CONSTRAINT fx_items_maybe;
EXCEPTION WHEN undefined_object THEN NULL;
END $$;
