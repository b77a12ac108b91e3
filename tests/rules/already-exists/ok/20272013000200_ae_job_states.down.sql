DROP TYPE IF EXISTS ae_job_state;
