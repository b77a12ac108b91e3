ALTER TYPE public.app_permission ADD VALUE IF NOT EXISTS 'messages.update';
-- a parameter of another type
SELECT public.log_event('messages.update');
-- two functions of that name: PostgreSQL prefers the text one for an untyped constant
SELECT public.allowed('messages.update');
-- a value the type had before
SELECT public.authorize('messages.read');
