ALTER TYPE ae_job_state ADD VALUE 'available';
