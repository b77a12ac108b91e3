CREATE DOMAIN cs_body AS text;
CREATE TABLE IF NOT EXISTS cs_orders (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL,
  notes text,
  body cs_body,
  payload jsonb,
  total numeric,
  ids integer[],
  address inet
);
-- PLAIN is accepted for any type; the others for variable-length ones.
ALTER TABLE cs_orders ALTER COLUMN customer_id SET STORAGE PLAIN;
ALTER TABLE cs_orders ALTER COLUMN notes SET STORAGE EXTERNAL;
ALTER TABLE cs_orders ALTER COLUMN body SET STORAGE MAIN;
ALTER TABLE cs_orders ALTER COLUMN payload SET STORAGE EXTENDED, ALTER COLUMN payload SET COMPRESSION lz4;
ALTER TABLE cs_orders ALTER COLUMN total SET STORAGE MAIN;
ALTER TABLE cs_orders ALTER COLUMN ids SET STORAGE EXTERNAL;
ALTER TABLE cs_orders ALTER COLUMN address SET STORAGE EXTENDED;
-- COMPRESSION default is accepted for any type.
ALTER TABLE cs_orders ALTER COLUMN customer_id SET COMPRESSION default;
ALTER TABLE cs_orders ALTER COLUMN body SET COMPRESSION pglz;
-- The column became text in the same statement.
ALTER TABLE cs_orders ALTER COLUMN customer_id TYPE text, ALTER COLUMN customer_id SET STORAGE EXTERNAL;
ALTER TABLE cs_orders ADD COLUMN IF NOT EXISTS summary text COMPRESSION pglz;
CREATE TABLE IF NOT EXISTS cs_archive (id integer COMPRESSION default, body text COMPRESSION PGLZ);
