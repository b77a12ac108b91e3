CREATE TABLE IF NOT EXISTS ix_orders (id bigint PRIMARY KEY, city text, qty integer);
CREATE INDEX IF NOT EXISTS ix_orders_city ON ix_orders (city);
CREATE INDEX IF NOT EXISTS ix_orders_mix ON ix_orders (city, lower(city), (qty + 1)) INCLUDE (qty);
CREATE INDEX IF NOT EXISTS ix_orders_paren ON ix_orders ((city));
-- A column of an index that is not an expression (by number, by name, through ALTER TABLE).
ALTER INDEX ix_orders_city ALTER COLUMN 1 SET STATISTICS 500;
ALTER INDEX ix_orders_mix ALTER COLUMN city SET STATISTICS 500;
ALTER TABLE ix_orders_mix ALTER COLUMN 1 SET STATISTICS 500;
ALTER INDEX ix_orders_paren ALTER COLUMN 1 SET STATISTICS 500;
ALTER INDEX ix_orders_mix ALTER COLUMN 2 SET STATISTICS 500, ALTER COLUMN 1 SET STATISTICS 500;
-- An INCLUDE column, a column the index has not.
ALTER INDEX ix_orders_mix ALTER COLUMN 4 SET STATISTICS 500;
ALTER INDEX ix_orders_mix ALTER COLUMN 5 SET STATISTICS 500;
-- A target below -1, a table's column by number.
ALTER INDEX ix_orders_mix ALTER COLUMN 2 SET STATISTICS -2;
ALTER TABLE ix_orders ALTER COLUMN qty SET STATISTICS -5;
ALTER TABLE ix_orders ALTER COLUMN 1 SET STATISTICS 100;
