-- The primary key, a unique constraint in another order, a unique index; integer to bigint.
CREATE TABLE IF NOT EXISTS sessions (
  id bigint PRIMARY KEY,
  account_id integer REFERENCES accounts,
  tenant int,
  handle varchar(40),
  FOREIGN KEY (handle, tenant) REFERENCES accounts (handle, tenant)
);
CREATE UNIQUE INDEX IF NOT EXISTS audit_rows_id ON audit_rows (id);
CREATE TABLE IF NOT EXISTS audit_notes (id bigint PRIMARY KEY, row_id bigint REFERENCES audit_rows (id));
-- A key added in the same file before the reference.
ALTER TABLE audit_rows ADD CONSTRAINT audit_rows_note_key UNIQUE (note);
ALTER TABLE audit_notes ADD COLUMN IF NOT EXISTS note text REFERENCES audit_rows (note);
-- A table that references itself.
CREATE TABLE IF NOT EXISTS nodes (id bigint PRIMARY KEY, parent bigint REFERENCES nodes);
-- ALTER CONSTRAINT of a foreign key.
ALTER TABLE audit_notes ADD CONSTRAINT audit_notes_row_fk FOREIGN KEY (row_id) REFERENCES audit_rows (id);
ALTER TABLE audit_notes ALTER CONSTRAINT audit_notes_row_fk DEFERRABLE INITIALLY DEFERRED;
