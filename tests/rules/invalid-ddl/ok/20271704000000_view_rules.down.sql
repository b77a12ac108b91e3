DROP VIEW fixd_all;
DROP VIEW fixd_live;
DROP TABLE fixd_items;
