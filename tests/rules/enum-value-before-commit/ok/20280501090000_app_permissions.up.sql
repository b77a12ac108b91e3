CREATE TYPE public.app_permission AS ENUM ('messages.read');
CREATE OR REPLACE FUNCTION public.authorize(requested_permission public.app_permission) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT requested_permission IS NOT NULL $$;
CREATE OR REPLACE FUNCTION public.log_event(name text) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT name IS NOT NULL $$;
CREATE OR REPLACE FUNCTION public.allowed(permission public.app_permission) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT permission IS NOT NULL $$;
CREATE OR REPLACE FUNCTION public.allowed(permission text) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT permission IS NOT NULL $$;
