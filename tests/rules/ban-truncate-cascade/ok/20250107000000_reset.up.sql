TRUNCATE order_imports;
TRUNCATE TABLE order_imports, order_import_lines RESTART IDENTITY RESTRICT;
