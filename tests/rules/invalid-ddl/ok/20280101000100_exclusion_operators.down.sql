DROP TABLE shifts;
DROP TABLE price_periods;
