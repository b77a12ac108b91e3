-- The runner's transaction holds the whole file; savepoints work inside it.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
SAVEPOINT before_backfill;
INSERT INTO invoices (id) VALUES (1) ON CONFLICT DO NOTHING;
RELEASE SAVEPOINT before_backfill;
DO $$
BEGIN
  RAISE NOTICE 'a DO block''s BEGIN is not a transaction';
END
$$;
