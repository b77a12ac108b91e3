-- A trigger's UPDATE OF column, and a column its WHEN reads: PostgreSQL refuses the new type.
ALTER TABLE pages ALTER COLUMN published_at TYPE timestamptz;
ALTER TABLE pages ALTER COLUMN title TYPE varchar(200);
