-- Back to text: every type converts to text, so the down is fine but for the enum's way back.
ALTER TABLE orders ALTER COLUMN code TYPE text;
ALTER TABLE orders ALTER COLUMN ref TYPE varchar(36), ALTER COLUMN paid TYPE integer;
ALTER TABLE orders ALTER COLUMN attrs TYPE text;
ALTER TABLE orders ALTER COLUMN tags TYPE text[];
ALTER TABLE orders ALTER COLUMN status TYPE text;
ALTER TABLE orders ALTER COLUMN placed TYPE date;
