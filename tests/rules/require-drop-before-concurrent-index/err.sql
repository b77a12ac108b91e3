-- sqlgate:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);
-- A DROP of another index does not help.
DROP INDEX CONCURRENTLY IF EXISTS orders_state_idx;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Users_Email" ON app.users (email);
