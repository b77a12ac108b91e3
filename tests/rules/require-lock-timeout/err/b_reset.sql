SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_state_idx ON orders (state);
-- 0 turns the timeout off again.
SET lock_timeout = 0;
CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit();
