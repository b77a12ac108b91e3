-- table.index is schema.index to PostgreSQL: with IF EXISTS this drops nothing
DROP INDEX IF EXISTS users.users_name_idx;
