ALTER TABLE orgs RENAME COLUMN slug TO handle;
CREATE TABLE guests (org_handle text REFERENCES orgs (handle));
