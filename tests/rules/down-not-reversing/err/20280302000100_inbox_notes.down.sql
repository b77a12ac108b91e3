DROP FUNCTION IF EXISTS inbox_is_owner(bigint);
DROP TABLE IF EXISTS inbox_notes;
