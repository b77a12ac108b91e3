DROP FUNCTION IF EXISTS public.lower(text);
DROP TABLE IF EXISTS short_links;
DROP FUNCTION IF EXISTS gen_short_id();
DROP FUNCTION IF EXISTS normalized_url(text);
DROP FUNCTION IF EXISTS link_key(text);
DROP TABLE IF EXISTS short_links_seed;
