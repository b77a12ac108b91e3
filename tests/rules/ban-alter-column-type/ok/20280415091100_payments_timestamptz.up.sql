-- PostgreSQL refuses to change a partition key column's type before it rewrites anything
-- ("cannot alter column "created_at" because it is part of the partition key of relation
-- "payments""): invalid-ddl reports it
ALTER TABLE payments ALTER COLUMN created_at TYPE timestamptz;
