-- The recipe: a NOT VALID CHECK, VALIDATE (in a later transaction), then SET NOT NULL skips
-- its scan (PostgreSQL 12+).
ALTER TABLE orders ADD CONSTRAINT orders_customer_not_null CHECK (customer_id IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_not_null;
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_customer_not_null;
-- A validated CHECK that ANDs the proof with other conditions, or says NOT (x IS NULL).
ALTER TABLE orders ADD CONSTRAINT orders_total_ok CHECK (total >= 0 AND total IS NOT NULL);
ALTER TABLE orders ALTER COLUMN total SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_state_ok CHECK (NOT (state IS NULL));
ALTER TABLE orders ALTER COLUMN state SET NOT NULL;
-- A table created in this migration.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, customer_id bigint);
ALTER TABLE invoices ALTER COLUMN customer_id SET NOT NULL;
-- Already NOT NULL (added so, or keyed since): PostgreSQL does nothing, no scan.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text NOT NULL DEFAULT '';
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
ALTER TABLE orders ALTER COLUMN id SET NOT NULL;
-- A view (here the one left with a renamed table's old name): PostgreSQL refuses SET NOT NULL on
-- it ("ALTER action ALTER COLUMN ... SET NOT NULL cannot be performed on relation "posts""),
-- which invalid-ddl reports.
CREATE OR REPLACE VIEW posts AS SELECT * FROM articles;
ALTER TABLE posts ALTER COLUMN title SET NOT NULL;
