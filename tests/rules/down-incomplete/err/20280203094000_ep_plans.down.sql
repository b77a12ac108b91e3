-- pg_dump's header: the search path holds no schema, and the DROP finds no ep_plans
-- (NOTICE:  table "ep_plans" does not exist, skipping).
SELECT pg_catalog.set_config('search_path', '', false);
DROP TABLE IF EXISTS ep_plans;
