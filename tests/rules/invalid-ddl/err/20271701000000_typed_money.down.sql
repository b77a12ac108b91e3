DROP TABLE fixd_price;
DROP TYPE fixd_money;
