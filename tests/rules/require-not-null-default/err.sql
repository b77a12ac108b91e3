ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL;
ALTER TABLE public.orders ADD COLUMN region text DEFAULT NULL NOT NULL,
  ADD COLUMN external_id bigint PRIMARY KEY;
DO $$
BEGIN
  ALTER TABLE customers ADD COLUMN tier smallint NOT NULL;
EXCEPTION WHEN duplicate_column THEN NULL;
END
$$;
