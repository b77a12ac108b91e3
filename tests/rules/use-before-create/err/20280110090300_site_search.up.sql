CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);

CREATE OR REPLACE FUNCTION site_query(q text) RETURNS tsquery
    LANGUAGE sql STABLE
    AS $$ SELECT websearch_to_tsquery('english_unaccent', q) $$;
