DROP TABLE fixd_prices;
DROP TYPE public.money;
