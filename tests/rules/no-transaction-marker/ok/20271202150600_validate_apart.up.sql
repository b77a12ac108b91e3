-- sqlgate:no-transaction
-- ADD CONSTRAINT ... NOT VALID, then VALIDATE: each statement commits on its own here, so the
-- scan holds only SHARE UPDATE EXCLUSIVE; in one transaction it would run under the ACCESS
-- EXCLUSIVE lock ADD CONSTRAINT took (ban-validate-in-same-transaction). The marker is needed.
ALTER TABLE jobs DROP CONSTRAINT IF EXISTS jobs_state_not_null;
ALTER TABLE jobs ADD CONSTRAINT jobs_state_not_null CHECK (state IS NOT NULL) NOT VALID;
ALTER TABLE jobs VALIDATE CONSTRAINT jobs_state_not_null;
