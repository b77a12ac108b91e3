-- a partition key's column: PostgreSQL keeps its type and the column itself
ALTER TABLE payments ALTER COLUMN created_at TYPE timestamptz;
-- a column an expression of the key reads
ALTER TABLE payment_notes ALTER COLUMN email TYPE varchar(320);
ALTER TABLE payment_notes DROP COLUMN IF EXISTS email;
