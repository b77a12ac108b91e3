-- each privilege and column revoked by the down
GRANT SELECT (id, name), UPDATE (name) ON catalog_items TO catalog_editor;
-- REVOKE ALL takes each
GRANT SELECT, UPDATE ON catalog_items TO catalog_writer;
-- a REVOKE on the table takes the privilege on its columns too
GRANT INSERT (name, price) ON catalog_items TO catalog_loader;
