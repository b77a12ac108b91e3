DROP TABLE IF EXISTS public.dp_tenants;
