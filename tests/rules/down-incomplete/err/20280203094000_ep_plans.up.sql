CREATE TABLE IF NOT EXISTS public.ep_plans (
    code text PRIMARY KEY,
    monthly_cents integer NOT NULL
);
