-- Names the last migration renamed away, each under a guard that skips it on a fresh database.
DO $$ BEGIN
  IF to_regclass('invoice_seq') IS NOT NULL THEN
    PERFORM setval('invoice_seq', 5000);
  END IF;
END $$;
ALTER SEQUENCE IF EXISTS invoice_seq RESTART;
ALTER TABLE IF EXISTS ledgers ADD COLUMN IF NOT EXISTS posted_at timestamptz;
DO $$ BEGIN
  ALTER TABLE ledgers ADD COLUMN posted_at timestamptz;
EXCEPTION WHEN undefined_table THEN NULL;
END $$;
-- A serial's sequence keeps its name when its table is renamed.
SELECT setval('payouts_id_seq', 10);
-- The rename of refunds ran under a guard: sqlgate cannot tell it ran.
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS reason text;
-- Made again first, by dynamic SQL sqlgate does not read.
DO $$ BEGIN EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', 'invoice_seq'); END $$;
SELECT setval('invoice_seq', 5000);
