-- DROP FUNCTION ... CASCADE takes the trigger that executes it: a second run makes it again.
DROP FUNCTION IF EXISTS audit_docs_row() CASCADE;
CREATE FUNCTION audit_docs_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO audit_docs_log (id) SELECT id FROM new_rows; RETURN NULL; END $$;
CREATE TRIGGER audit_docs_insert AFTER INSERT ON audit_docs
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_docs_row();
