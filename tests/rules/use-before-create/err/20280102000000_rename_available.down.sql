DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
               WHERE t.typname = 'job_state' AND e.enumlabel = 'ready') THEN
        ALTER TYPE job_state RENAME VALUE 'ready' TO 'available';
    END IF;
END $$;
