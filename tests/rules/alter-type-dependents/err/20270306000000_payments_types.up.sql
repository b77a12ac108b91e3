-- SQL-standard bodies record the columns they read and write.
ALTER TABLE payments ALTER COLUMN amount_cents TYPE bigint;
ALTER TABLE payments ALTER COLUMN id TYPE numeric(20);
ALTER TABLE payments ALTER COLUMN note TYPE varchar(200);
