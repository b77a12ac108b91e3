-- a text column without a default; a default dropped by an earlier statement; to text
CREATE TYPE carrier AS ENUM ('post', 'courier');
ALTER TABLE shipments ALTER COLUMN carrier TYPE carrier USING carrier::carrier;
ALTER TABLE shipments ALTER COLUMN carrier SET DEFAULT 'post';
ALTER TABLE shipments ALTER COLUMN carrier TYPE text;
ALTER TABLE shipments ALTER COLUMN carrier DROP DEFAULT;
ALTER TABLE shipments ALTER COLUMN carrier TYPE carrier USING carrier::carrier;
