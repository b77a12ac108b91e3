CREATE DOMAIN cs_amount AS bigint;
CREATE TYPE cs_state AS ENUM ('open', 'closed');
CREATE TABLE IF NOT EXISTS cs_orders (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL,
  placed_at timestamptz NOT NULL,
  token uuid,
  amount cs_amount,
  state cs_state,
  qty integer,
  notes text,
  query tsquery
);
-- Fixed-length (and PLAIN) types take only PLAIN.
ALTER TABLE cs_orders ALTER COLUMN customer_id SET STORAGE EXTERNAL;
ALTER TABLE cs_orders ALTER COLUMN placed_at SET STORAGE MAIN;
ALTER TABLE cs_orders ALTER COLUMN id SET STORAGE EXTENDED;
ALTER TABLE cs_orders ALTER COLUMN amount SET STORAGE MAIN;
ALTER TABLE cs_orders ALTER COLUMN state SET STORAGE MAIN;
ALTER TABLE cs_orders ALTER COLUMN query SET STORAGE EXTERNAL;
-- A type change of the same statement runs first.
ALTER TABLE cs_orders ALTER COLUMN notes TYPE integer USING 0, ALTER COLUMN notes SET STORAGE MAIN;
ALTER TABLE cs_orders ALTER COLUMN token SET STORAGE "MAIN";
-- Compression of a type that is never compressed, or a method PostgreSQL 15 has not.
ALTER TABLE cs_orders ALTER COLUMN qty SET COMPRESSION lz4;
ALTER TABLE cs_orders ALTER COLUMN amount SET COMPRESSION pglz;
ALTER TABLE cs_orders ADD COLUMN IF NOT EXISTS shipped_at timestamptz COMPRESSION pglz;
CREATE TABLE IF NOT EXISTS cs_archive (id integer COMPRESSION pglz, body text);
CREATE TABLE IF NOT EXISTS cs_archive2 (id integer, body text COMPRESSION zstd);
ALTER TABLE cs_archive ALTER COLUMN body SET COMPRESSION "PGLZ";
