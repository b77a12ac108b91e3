DROP TABLE guests;
ALTER TABLE orgs RENAME COLUMN handle TO slug;
