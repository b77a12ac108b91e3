CREATE TABLE IF NOT EXISTS ix_orders (id bigint PRIMARY KEY, city text, qty integer);
CREATE INDEX IF NOT EXISTS ix_orders_mix ON ix_orders (city, lower(city), (qty + 1)) INCLUDE (qty);
-- Expression columns take statistics of their own; -1 resets, 0 turns them off.
ALTER INDEX ix_orders_mix ALTER COLUMN 2 SET STATISTICS 500, ALTER COLUMN 3 SET STATISTICS -1;
ALTER TABLE ix_orders_mix ALTER COLUMN 3 SET STATISTICS 0;
ALTER TABLE ix_orders ALTER COLUMN city SET STATISTICS 1000, ALTER COLUMN qty SET STATISTICS -1;
