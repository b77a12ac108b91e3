-- The enum made again without the value, its column moved over, the old one dropped: the
-- column no longer depends on mood_old.
ALTER TYPE mood RENAME TO mood_old;
CREATE TYPE mood AS ENUM ('calm', 'busy');
ALTER TABLE moods_log ALTER COLUMN mood TYPE mood USING mood::text::mood;
DROP TYPE mood_old;
