-- sqlgate:no-transaction
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS vendors_pkey ON vendors (legacy_id);
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'vendors_pkey') THEN
    ALTER TABLE vendors ADD CONSTRAINT vendors_pkey PRIMARY KEY USING INDEX vendors_pkey;
  END IF;
END $$;
