-- A key column renamed by a later migration: the foreign key names it as it is at that point.
CREATE TABLE orgs (id bigint PRIMARY KEY, slug text UNIQUE);
CREATE TABLE members (org_slug text REFERENCES orgs (slug));
