-- As pg_dump writes a serial: every name with its schema.
CREATE TABLE IF NOT EXISTS public.qd_customers (id integer NOT NULL, email text);
CREATE SEQUENCE IF NOT EXISTS public.qd_customers_id_seq AS integer OWNED BY public.qd_customers.id;
ALTER TABLE ONLY public.qd_customers ALTER COLUMN id
    SET DEFAULT nextval('public.qd_customers_id_seq'::regclass);
