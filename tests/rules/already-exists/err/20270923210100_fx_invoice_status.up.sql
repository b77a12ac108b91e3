DO $$ BEGIN
  IF to_regtype('fx_invoice_status') IS NULL THEN
    CREATE TYPE fx_invoice_status AS ENUM ('draft', 'sent', 'issued', 'paid');
  END IF;
END $$;
ALTER TYPE fx_invoice_status ADD VALUE IF NOT EXISTS 'void';
