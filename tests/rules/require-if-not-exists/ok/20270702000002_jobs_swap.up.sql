-- A table swap guarded by what it leaves: the branch adds revision to jobs_new and renames
-- jobs_new to jobs, so a second run finds the column on jobs and skips the branch.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = 'jobq' AND table_name = 'jobs' AND column_name = 'revision') THEN
        CREATE TABLE jobq.jobs_new (LIKE jobq.jobs INCLUDING ALL);
        ALTER TABLE jobq.jobs_new ADD COLUMN revision integer NOT NULL DEFAULT 0;
        INSERT INTO jobq.jobs_new SELECT j.*, 0 FROM jobq.jobs j;
        ALTER TABLE jobq.jobs RENAME TO jobs_old;
        ALTER TABLE jobq.jobs_new RENAME TO jobs;
        DROP TABLE jobq.jobs_old;
    END IF;
END
$$;
