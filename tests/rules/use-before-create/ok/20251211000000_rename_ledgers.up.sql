ALTER SEQUENCE IF EXISTS invoice_seq RENAME TO invoice_id_seq;
ALTER TABLE ledgers RENAME TO ledger_entries;
ALTER TABLE payouts RENAME TO payments;
-- Runs only where an old copy was left behind: not on a fresh database.
DO $$ BEGIN
  IF to_regclass('refunds_old') IS NOT NULL THEN
    ALTER TABLE refunds RENAME TO refunds_archive;
  END IF;
END $$;
