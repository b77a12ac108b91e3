-- sqlgate:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);
-- A DROP of another index does not help.
DROP INDEX CONCURRENTLY IF EXISTS orders_state_idx;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Users_Email" ON app.users (email);
-- Attached to a partitioned index below: a DROP before the build would fail on the second run
-- (cannot drop index payments_2025_01_merchant_idx because index payments_merchant_idx requires
-- it), so the finding offers no fix and asks for a validity check instead.
CREATE INDEX CONCURRENTLY IF NOT EXISTS payments_2025_01_merchant_idx ON payments_2025_01 (merchant_id);
ALTER INDEX payments_merchant_idx ATTACH PARTITION payments_2025_01_merchant_idx;
