-- A SQL-standard body records the columns it reads: PostgreSQL refuses to drop one.
ALTER TABLE wallet_moves DROP COLUMN IF EXISTS amount_cents;
-- One the body does not read.
ALTER TABLE wallet_moves DROP COLUMN IF EXISTS memo;
