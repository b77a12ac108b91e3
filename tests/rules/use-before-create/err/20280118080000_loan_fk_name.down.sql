-- sqlgate:run-once the constraint's old name
ALTER TABLE library_loan RENAME CONSTRAINT library_loan_member_fk TO library_loan_member_id_fk;
