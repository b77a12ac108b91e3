ALTER TABLE customers ALTER COLUMN nick TYPE text;
ALTER TABLE customers ALTER COLUMN score TYPE int;
ALTER TABLE customers ALTER COLUMN code TYPE text;
ALTER TABLE customers ALTER COLUMN email TYPE text;
