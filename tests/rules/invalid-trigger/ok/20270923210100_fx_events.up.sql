CREATE OR REPLACE FUNCTION fx_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TABLE IF NOT EXISTS fx_events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE IF NOT EXISTS fx_events_2026 PARTITION OF fx_events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE IF NOT EXISTS fx_products (id bigint PRIMARY KEY, name text);
CREATE TABLE IF NOT EXISTS fx_old_products (id bigint PRIMARY KEY, name text);
ALTER TABLE fx_old_products INHERIT fx_products;
ALTER TABLE fx_old_products NO INHERIT fx_products;
ALTER TABLE fx_events DETACH PARTITION fx_events_2026;
-- A statement trigger with transition tables on the partitioned table sees every partition's rows.
CREATE OR REPLACE TRIGGER fx_events_audit AFTER INSERT ON fx_events REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION fx_audit();
-- A row trigger with one on a plain table, and on a table that is no longer a partition or child.
CREATE OR REPLACE TRIGGER fx_products_audit AFTER UPDATE ON fx_products REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH ROW EXECUTE FUNCTION fx_audit();
CREATE OR REPLACE TRIGGER fx_old_audit AFTER INSERT ON fx_old_products REFERENCING NEW TABLE AS inserted FOR EACH ROW EXECUTE FUNCTION fx_audit();
CREATE OR REPLACE TRIGGER fx_detached_audit AFTER INSERT ON fx_events_2026 REFERENCING NEW TABLE AS inserted FOR EACH ROW EXECUTE FUNCTION fx_audit();
