-- The rename ran on the first run: its guard finds 'available'.
ALTER TYPE ae_job_state ADD VALUE 'ready';
