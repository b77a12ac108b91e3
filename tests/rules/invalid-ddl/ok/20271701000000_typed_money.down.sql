DROP TABLE fixd_line;
DROP TYPE fixd_rate;
DROP TYPE fixd_amount;
DROP TABLE fixd_price;
DROP TYPE fixd_money;
