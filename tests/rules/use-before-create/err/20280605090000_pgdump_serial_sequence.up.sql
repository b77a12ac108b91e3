-- pg_dump's header, then each serial's sequence set past the rows
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE IF NOT EXISTS public.pgd_customers (id serial PRIMARY KEY, name text NOT NULL);
-- pg_get_serial_sequence() reads the table's name from the text along the path, which holds
-- no schema: relation "pgd_customers" does not exist
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('pgd_customers', 'id'), COALESCE(max(id), 0) + 1, false) FROM public.pgd_customers;
-- written with its schema: found
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.pgd_customers', 'id'), COALESCE(max(id), 0) + 1, false) FROM public.pgd_customers;
-- the same for 'pgd_customers'::regclass in the test of a DO block
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute
                 WHERE attrelid = 'pgd_customers'::regclass AND attname = 'note') THEN
    ALTER TABLE public.pgd_customers ADD COLUMN note text;
  END IF;
END $$;
