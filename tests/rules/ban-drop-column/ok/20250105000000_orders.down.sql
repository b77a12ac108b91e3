-- A down removes what its up added: expected there.
ALTER TABLE orders DROP COLUMN IF EXISTS note;
