-- The enum rebuild with the default dropped first and set again after.
ALTER TYPE member_role RENAME TO member_role_old;
CREATE TYPE member_role AS ENUM ('admin', 'moderator', 'viewer');
ALTER TABLE members ALTER COLUMN roles DROP DEFAULT, ALTER COLUMN roles TYPE member_role[] USING roles::text::member_role[], ALTER COLUMN roles SET DEFAULT '{viewer}';
-- An array of an enum or of a domain over text becomes an array of text by its elements' text.
ALTER TABLE members ALTER COLUMN flags TYPE text[];
ALTER TABLE members ALTER COLUMN labels TYPE text[];
