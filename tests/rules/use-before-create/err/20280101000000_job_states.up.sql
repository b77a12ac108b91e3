DO $$ BEGIN
    IF to_regtype('job_state') IS NULL THEN
        CREATE TYPE job_state AS ENUM ('available', 'running', 'completed');
    END IF;
END $$;
