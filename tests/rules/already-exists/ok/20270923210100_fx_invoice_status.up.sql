DO $$ BEGIN
  IF to_regtype('fx_invoice_status') IS NULL THEN
    CREATE TYPE fx_invoice_status AS ENUM ('draft', 'sent', 'paid');
  END IF;
END $$;
ALTER TYPE fx_invoice_status RENAME VALUE 'sent' TO 'issued';
ALTER TYPE fx_invoice_status ADD VALUE IF NOT EXISTS 'paid';
ALTER TYPE fx_invoice_status ADD VALUE 'sent' BEFORE 'issued';
-- A label added under a guard may or may not be there.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_enum WHERE enumlabel = 'void') THEN
    ALTER TYPE fx_invoice_status ADD VALUE 'void';
  END IF;
END $$;
ALTER TYPE fx_invoice_status RENAME VALUE 'paid' TO 'settled';
