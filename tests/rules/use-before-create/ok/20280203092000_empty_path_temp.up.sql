SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE IF NOT EXISTS public.ep_log (id bigint PRIMARY KEY);
-- A temporary table needs no schema of the path, and is found first.
CREATE TEMP TABLE IF NOT EXISTS ep_batch (id bigint);
INSERT INTO ep_batch SELECT id FROM public.ep_log;
INSERT INTO public.ep_log SELECT id FROM ep_batch ON CONFLICT DO NOTHING;
-- '' holds no schema, public does.
SET search_path = '', public;
CREATE TABLE IF NOT EXISTS ep_more (id bigint PRIMARY KEY);
-- ON COMMIT DROP in the migration's one transaction: there until it commits.
CREATE TEMP TABLE ep_stale ON COMMIT DROP AS SELECT id FROM ep_log WHERE id < 0;
DELETE FROM ep_log l USING ep_stale s WHERE l.id = s.id;
