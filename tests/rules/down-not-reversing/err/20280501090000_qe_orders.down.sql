DROP SEQUENCE IF EXISTS public.orders_id_seq;
DROP TABLE IF EXISTS qe_app.orders;
DROP SCHEMA IF EXISTS qe_app;
