DROP TABLE IF EXISTS ocn_currencies;
