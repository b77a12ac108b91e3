DROP VIEW fixd_live;
DROP TABLE fixd_items;
