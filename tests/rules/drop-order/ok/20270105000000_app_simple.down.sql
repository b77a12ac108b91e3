-- No token type maps to the dictionary once asciiword and word are mapped to others: the
-- configuration no longer depends on it, and PostgreSQL drops it.
ALTER TEXT SEARCH CONFIGURATION app_english ALTER MAPPING FOR asciiword WITH english_stem;
ALTER TEXT SEARCH CONFIGURATION app_english ALTER MAPPING REPLACE app_simple WITH simple;
DROP TEXT SEARCH DICTIONARY IF EXISTS app_simple;
