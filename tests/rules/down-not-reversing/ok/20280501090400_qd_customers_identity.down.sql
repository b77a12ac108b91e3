-- The same default as before the up: PostgreSQL stores the sequence a regclass constant names,
-- not its text, so 'qd_customers_id_seq' (found in public) and 'public.qd_customers_id_seq' are
-- one default (pg_get_expr prints both alike).
ALTER TABLE qd_customers ALTER COLUMN id DROP IDENTITY IF EXISTS;
CREATE SEQUENCE IF NOT EXISTS qd_customers_id_seq AS integer OWNED BY qd_customers.id;
ALTER TABLE qd_customers ALTER COLUMN id SET DEFAULT nextval('qd_customers_id_seq'::regclass);
