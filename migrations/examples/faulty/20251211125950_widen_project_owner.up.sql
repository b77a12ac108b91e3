-- project_summary reads owner_id: PostgreSQL refuses to change the type of a column a view
-- reads ("cannot alter type of a column used by a view or rule"), even to the type it has.
ALTER TABLE projects ALTER COLUMN owner_id TYPE bigint;
