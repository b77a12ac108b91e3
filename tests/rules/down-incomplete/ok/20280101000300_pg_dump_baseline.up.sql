-- A baseline as pg_dump writes it, into the schema every database has.
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.bl_customers (id integer NOT NULL, email text NOT NULL);
CREATE SEQUENCE public.bl_customers_id_seq AS integer START WITH 1 INCREMENT BY 1 CACHE 1;
ALTER SEQUENCE public.bl_customers_id_seq OWNED BY public.bl_customers.id;
ALTER TABLE ONLY public.bl_customers
    ALTER COLUMN id SET DEFAULT nextval('public.bl_customers_id_seq'::regclass);
ALTER TABLE ONLY public.bl_customers ADD CONSTRAINT bl_customers_pkey PRIMARY KEY (id);
CREATE VIEW public.bl_customer_emails AS SELECT email FROM public.bl_customers;
