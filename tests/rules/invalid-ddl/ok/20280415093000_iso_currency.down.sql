DROP TABLE IF EXISTS price_lists;
DROP TYPE IF EXISTS priced_amount;
DROP DOMAIN IF EXISTS iso_currency;
