DROP INDEX IF EXISTS events3_id_key;
