-- sqlgate:no-transaction
ALTER TYPE job_state ADD VALUE IF NOT EXISTS 'held';
ALTER TABLE jobs ALTER COLUMN state SET DEFAULT 'held';
