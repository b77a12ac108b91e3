-- sqlgate:no-transaction
-- Each statement runs by itself: SET LOCAL sets nothing for the next ("SET LOCAL can only be used
-- in transaction blocks"), and the ALTER waits with no timeout.
SET LOCAL lock_timeout = '3s';
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total_cents >= 0) NOT VALID;
