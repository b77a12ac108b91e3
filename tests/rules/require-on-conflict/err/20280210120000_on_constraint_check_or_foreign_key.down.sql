DROP TABLE IF EXISTS stock_levels;
DROP TABLE IF EXISTS warehouses;
