-- the down revokes the SELECT columns only: catalog_editor keeps UPDATE (name)
GRANT SELECT (id, name), UPDATE (name) ON catalog_items TO catalog_editor;
-- the down revokes SELECT only: catalog_writer keeps UPDATE
GRANT SELECT, UPDATE ON catalog_items TO catalog_writer;
