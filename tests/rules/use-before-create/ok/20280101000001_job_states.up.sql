DO $$ BEGIN
    IF to_regtype('job_state') IS NULL THEN
        CREATE TYPE job_state AS ENUM ('available', 'running', 'completed');
    END IF;
END $$;
CREATE TYPE run_state AS ENUM ('new', 'done');
CREATE TYPE step_state AS ENUM ('todo', 'doing');
