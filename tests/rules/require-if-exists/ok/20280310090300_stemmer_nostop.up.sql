DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_ts_config WHERE cfgname = 'site_search') THEN
        CREATE TEXT SEARCH CONFIGURATION site_search (COPY = english);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_ts_dict WHERE dictname = 'english_stem_nostop') THEN
        CREATE TEXT SEARCH DICTIONARY english_stem_nostop (TEMPLATE = snowball, Language = english);
    END IF;
END
$$;
ALTER TEXT SEARCH CONFIGURATION site_search
    ALTER MAPPING REPLACE english_stem WITH english_stem_nostop;
