-- username: left case-insensitive; the old release's 'Alice' next to 'alice' is refused
-- (duplicate key value violates unique constraint "cl_accounts_username_key").
-- handle: "C", where it had the database's default collation.
ALTER TABLE cl_accounts ALTER COLUMN handle TYPE text COLLATE "C";
-- email: TYPE text gives the default collation, where it had "C".
ALTER TABLE cl_accounts ALTER COLUMN email TYPE text;
-- code: varchar(32) with its default collation again, as before the up.
ALTER TABLE cl_accounts ALTER COLUMN code TYPE varchar(32);
-- slug: the up's varchar(64) without COLLATE took its "C"; text without COLLATE does not give it
-- back.
ALTER TABLE cl_accounts ALTER COLUMN slug TYPE text;
