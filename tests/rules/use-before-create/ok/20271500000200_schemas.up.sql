-- public is there from the start, whatever a later CREATE SCHEMA IF NOT EXISTS says
CREATE TABLE IF NOT EXISTS public.audit_events (id bigint PRIMARY KEY);
CREATE SCHEMA IF NOT EXISTS public;
-- a schema no migration makes may come from outside the migrations (extensions on Supabase)
CREATE TABLE IF NOT EXISTS extensions.settings (id bigint PRIMARY KEY);
-- dropped, then made again
CREATE SCHEMA IF NOT EXISTS scratch;
DROP SCHEMA scratch;
CREATE SCHEMA scratch;
CREATE TABLE IF NOT EXISTS scratch.rows (id bigint PRIMARY KEY);
