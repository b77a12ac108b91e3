CREATE TYPE project_status AS ENUM ('planned', 'running', 'done');

CREATE ROLE project_reader NOLOGIN;

DO $$
BEGIN
    CREATE TYPE project_priority AS ENUM ('low', 'normal', 'high');
EXCEPTION
    WHEN duplicate_table THEN NULL;  -- a second CREATE TYPE raises duplicate_object
END
$$;
