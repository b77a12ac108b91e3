-- the body names english_unaccent, which the rename below brings back only afterwards
CREATE OR REPLACE FUNCTION site_query(q text) RETURNS tsquery
    LANGUAGE sql STABLE
    AS $$ SELECT websearch_to_tsquery('english_unaccent', q) $$;

ALTER TEXT SEARCH CONFIGURATION site_search RENAME TO english_unaccent;
