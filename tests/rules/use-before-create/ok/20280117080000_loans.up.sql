CREATE TABLE IF NOT EXISTS library_member (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS library_loan (
  id bigint PRIMARY KEY,
  member_id bigint NOT NULL
    CONSTRAINT library_loan_member_id_fk REFERENCES library_member (id) DEFERRABLE INITIALLY DEFERRED
);
