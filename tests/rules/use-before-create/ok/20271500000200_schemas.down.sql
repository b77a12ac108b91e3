DROP SCHEMA IF EXISTS scratch CASCADE;
DROP TABLE IF EXISTS extensions.settings;
DROP TABLE IF EXISTS public.audit_events;
