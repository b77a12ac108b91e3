DROP FUNCTION IF EXISTS public.allowed(text);
DROP FUNCTION IF EXISTS public.allowed(public.app_permission);
DROP FUNCTION IF EXISTS public.log_event(text);
DROP FUNCTION IF EXISTS public.authorize(public.app_permission);
DROP TYPE IF EXISTS public.app_permission;
