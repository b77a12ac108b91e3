CREATE TABLE fixd_products (id bigint PRIMARY KEY, deleted_at timestamptz);
CREATE RULE fixd_products_notify AS ON UPDATE TO fixd_products DO ALSO NOTIFY fixd_products;
ALTER TABLE fixd_products DISABLE RULE fixd_products_notify;
ALTER TABLE fixd_products ENABLE REPLICA RULE fixd_products_notify;
ALTER TABLE fixd_products DISABLE TRIGGER ALL;
ALTER TABLE fixd_products ENABLE TRIGGER ALL;
-- A foreign table's triggers can be switched (its rules cannot).
CREATE FOREIGN DATA WRAPPER fixd_wrapper;
CREATE SERVER fixd_server FOREIGN DATA WRAPPER fixd_wrapper;
CREATE FOREIGN TABLE fixd_remote (id bigint) SERVER fixd_server;
ALTER TABLE fixd_remote DISABLE TRIGGER ALL;
ALTER FOREIGN TABLE fixd_remote ENABLE TRIGGER ALL;
-- A view's rule is dropped and made again instead.
CREATE VIEW fixd_active AS SELECT id FROM fixd_products WHERE deleted_at IS NULL;
CREATE RULE fixd_active_delete AS ON DELETE TO fixd_active
  DO INSTEAD UPDATE fixd_products SET deleted_at = now() WHERE id = OLD.id;
DROP RULE fixd_active_delete ON fixd_active;
