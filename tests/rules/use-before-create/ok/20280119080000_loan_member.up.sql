-- SET CONSTRAINTS of the name the constraint has now, and of all of them.
SET CONSTRAINTS library_loan_member_fk IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
