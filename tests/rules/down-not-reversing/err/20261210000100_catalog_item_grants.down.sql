REVOKE SELECT (id, name) ON catalog_items FROM catalog_editor;
REVOKE SELECT ON catalog_items FROM catalog_writer;
