DROP TABLE IF EXISTS library_loan;
DROP TABLE IF EXISTS library_member;
