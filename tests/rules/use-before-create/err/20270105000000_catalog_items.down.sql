DROP TABLE IF EXISTS catalog_prices;
DROP TABLE IF EXISTS catalog_items;
