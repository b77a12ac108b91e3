DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = 'item_state'::regtype AND enumlabel = 'old') THEN
    ALTER TYPE item_state RENAME VALUE 'old' TO 'archived';
  END IF;
END $$;
ALTER TYPE item_state RENAME VALUE 'gone' TO 'removed';
