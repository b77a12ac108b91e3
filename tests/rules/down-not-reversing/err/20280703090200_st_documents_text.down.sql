-- the type back, but ALTER COLUMN ... TYPE gave it the type's storage (extended) and no
-- compression method, in the up and here
ALTER TABLE st_documents ALTER COLUMN body TYPE varchar(100000);
