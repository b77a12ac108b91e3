-- sqlgate:run-once the constraint's new name
ALTER TABLE library_loan RENAME CONSTRAINT library_loan_member_id_fk TO library_loan_member_fk;
