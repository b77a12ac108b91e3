DROP TABLE IF EXISTS catalog_items;
