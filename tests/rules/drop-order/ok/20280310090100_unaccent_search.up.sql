CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_ts_config WHERE cfgname = 'plain_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION plain_unaccent (COPY = simple);
    END IF;
END
$$;
ALTER TEXT SEARCH CONFIGURATION plain_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
