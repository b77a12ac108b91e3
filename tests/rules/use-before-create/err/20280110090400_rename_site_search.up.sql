ALTER TEXT SEARCH CONFIGURATION english_unaccent RENAME TO site_search;

CREATE OR REPLACE FUNCTION site_query(q text) RETURNS tsquery
    LANGUAGE sql STABLE
    AS $$ SELECT websearch_to_tsquery('site_search', q) $$;
