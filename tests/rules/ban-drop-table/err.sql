DROP TABLE IF EXISTS legacy_orders;
DROP TABLE public.audit_log, sessions CASCADE;
