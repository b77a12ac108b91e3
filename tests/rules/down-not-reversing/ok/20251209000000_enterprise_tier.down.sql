-- PostgreSQL cannot drop an enum value: the type is made again without it, and the column
-- that uses it moved over.
ALTER TYPE tier RENAME TO tier_old;
CREATE TYPE tier AS ENUM ('basic', 'premium');
ALTER TABLE plan_levels ALTER COLUMN level TYPE tier USING level::text::tier;
DROP TYPE tier_old;
