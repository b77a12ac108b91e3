-- The enum rebuild of array columns: their defaults are arrays of the old enum.
ALTER TYPE member_role RENAME TO member_role_old;
CREATE TYPE member_role AS ENUM ('admin', 'moderator', 'viewer');
ALTER TABLE members ALTER COLUMN roles TYPE member_role[] USING roles::text::member_role[];
ALTER TABLE members ALTER COLUMN badges TYPE member_role[] USING badges::text::member_role[];
-- An array of text, an array of the enum and the enum alone do not convert to one another.
ALTER TABLE members ALTER COLUMN titles TYPE member_role[] USING titles::member_role[];
ALTER TABLE members ALTER COLUMN main_roles TYPE member_role_old USING main_roles[1];
