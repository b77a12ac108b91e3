CREATE TABLE IF NOT EXISTS public.dp_tenants (id bigint PRIMARY KEY);
