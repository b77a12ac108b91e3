DROP TABLE fixd_prices;
DROP TABLE fixd_amounts;
DROP TYPE fixd_amount;
DROP TABLE fixd_snapshots;
DROP TYPE public.money;
