UPDATE pg_catalog.pg_enum SET enumlabel = 'todo' WHERE enumlabel = 'pending' AND enumtypid = 'step_state'::regtype;
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
               WHERE t.typname = 'run_state' AND e.enumlabel = 'created') THEN
        ALTER TYPE run_state RENAME VALUE 'created' TO 'new';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
               WHERE t.typname = 'job_state' AND e.enumlabel = 'ready') THEN
        ALTER TYPE job_state RENAME VALUE 'ready' TO 'available';
    END IF;
END $$;
