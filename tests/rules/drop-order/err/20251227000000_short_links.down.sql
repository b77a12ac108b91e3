DROP FUNCTION IF EXISTS gen_short_id();
DROP FUNCTION IF EXISTS normalized_url(text);
DROP TABLE IF EXISTS short_links;
