-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);
-- A DROP of another index does not help.
DROP INDEX CONCURRENTLY IF EXISTS orders_state_idx;
DROP INDEX CONCURRENTLY IF EXISTS app."Users_Email";
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Users_Email" ON app.users (email);
