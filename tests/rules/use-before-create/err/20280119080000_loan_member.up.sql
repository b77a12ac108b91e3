-- SET CONSTRAINTS looks the name up at once: renamed away by the migration before
-- (constraint "library_loan_member_id_fk" does not exist).
SET CONSTRAINTS library_loan_member_id_fk IMMEDIATE;
ALTER TABLE library_loan DROP CONSTRAINT IF EXISTS library_loan_member_id_fk;
