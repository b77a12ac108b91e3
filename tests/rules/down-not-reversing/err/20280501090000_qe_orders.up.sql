CREATE SCHEMA IF NOT EXISTS qe_app;
CREATE TABLE IF NOT EXISTS qe_app.orders (id integer NOT NULL, total numeric);
CREATE SEQUENCE IF NOT EXISTS qe_app.orders_id_seq AS integer OWNED BY qe_app.orders.id;
CREATE SEQUENCE IF NOT EXISTS public.orders_id_seq AS integer;
ALTER TABLE ONLY qe_app.orders ALTER COLUMN id SET DEFAULT nextval('qe_app.orders_id_seq'::regclass);
