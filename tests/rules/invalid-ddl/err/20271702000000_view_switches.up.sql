CREATE TABLE fixd_products (id bigint PRIMARY KEY, deleted_at timestamptz);
CREATE VIEW fixd_active AS SELECT id FROM fixd_products WHERE deleted_at IS NULL;
CREATE RULE fixd_active_delete AS ON DELETE TO fixd_active
  DO INSTEAD UPDATE fixd_products SET deleted_at = now() WHERE id = OLD.id;
CREATE FUNCTION fixd_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fixd_products (id) VALUES (NEW.id);
  RETURN NEW;
END
$$;
CREATE TRIGGER fixd_active_insert INSTEAD OF INSERT ON fixd_active
  FOR EACH ROW EXECUTE FUNCTION fixd_insert();
ALTER TABLE fixd_active DISABLE RULE fixd_active_delete;
ALTER VIEW fixd_active ENABLE ALWAYS RULE fixd_active_delete;
ALTER TABLE fixd_active DISABLE TRIGGER fixd_active_insert;
ALTER TABLE IF EXISTS fixd_active ENABLE TRIGGER ALL;
CREATE MATERIALIZED VIEW fixd_counts AS SELECT count(*) AS n FROM fixd_products;
ALTER TABLE fixd_counts DISABLE TRIGGER USER;
CREATE SEQUENCE fixd_seq;
ALTER TABLE fixd_seq DISABLE TRIGGER ALL;
CREATE FOREIGN DATA WRAPPER fixd_wrapper;
CREATE SERVER fixd_server FOREIGN DATA WRAPPER fixd_wrapper;
CREATE FOREIGN TABLE fixd_remote (id bigint) SERVER fixd_server;
ALTER TABLE fixd_remote DISABLE RULE fixd_remote_delete;
