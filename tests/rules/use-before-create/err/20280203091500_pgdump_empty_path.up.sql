-- The header every pg_dump file starts with: the search path holds no schema after it.
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE IF NOT EXISTS public.pgd_accounts (
    id bigint PRIMARY KEY,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

-- relation "pgd_accounts" does not exist: only pg_catalog is searched.
CREATE INDEX IF NOT EXISTS pgd_accounts_created_at_idx ON pgd_accounts (created_at);

-- no schema has been selected to create in
CREATE TABLE IF NOT EXISTS pgd_plans (
    code text PRIMARY KEY,
    monthly_cents integer NOT NULL
);
