-- The down forgets the primary key (down-not-reversing says so). Its index goes with the
-- constraint: PostgreSQL refuses DROP INDEX members_pkey (cannot drop index members_pkey because
-- constraint members_pkey on table members requires it), so it is not asked for.
ALTER TABLE members DROP CONSTRAINT IF EXISTS members_email_key;
