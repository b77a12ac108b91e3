DROP TABLE IF EXISTS shelf_items;
