REVOKE SELECT (id, name), UPDATE (name) ON catalog_items FROM catalog_editor;
REVOKE ALL ON catalog_items FROM catalog_writer;
REVOKE INSERT ON catalog_items FROM catalog_loader;
