DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
               WHERE t.typname = 'job_state' AND e.enumlabel = 'available') THEN
        ALTER TYPE job_state RENAME VALUE 'available' TO 'ready';
    END IF;
END $$;
-- A test the labels do not answer: the rename may not have run.
DO $$ BEGIN
    IF current_setting('server_version_num')::int >= 100000 THEN
        ALTER TYPE run_state RENAME VALUE 'new' TO 'created';
    END IF;
END $$;
-- A change of the labels the replay does not see.
UPDATE pg_catalog.pg_enum SET enumlabel = 'pending' WHERE enumlabel = 'todo' AND enumtypid = 'step_state'::regtype;
