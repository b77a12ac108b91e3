-- REPLACE looks english_stem_nostop up: on a second run only when it is still there.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_ts_dict WHERE dictname = 'english_stem_nostop') THEN
        ALTER TEXT SEARCH CONFIGURATION site_search
            ALTER MAPPING REPLACE english_stem_nostop WITH english_stem;
    END IF;
END
$$;
DROP TEXT SEARCH DICTIONARY IF EXISTS english_stem_nostop;
DROP TEXT SEARCH CONFIGURATION IF EXISTS site_search;
