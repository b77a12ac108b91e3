ALTER TABLE orders ALTER COLUMN code TYPE text, ALTER COLUMN ref TYPE varchar(36);
ALTER TABLE orders ALTER COLUMN paid TYPE integer, ALTER COLUMN attrs TYPE text;
ALTER TABLE orders ALTER COLUMN status TYPE text;
ALTER TABLE orders ALTER COLUMN placed TYPE date;
