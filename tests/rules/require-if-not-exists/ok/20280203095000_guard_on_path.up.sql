CREATE SCHEMA IF NOT EXISTS gp_app;
CREATE TABLE IF NOT EXISTS public.gp_accounts (id bigint PRIMARY KEY, email text NOT NULL);
-- public is on the path: to_regclass('gp_accounts_email_idx') finds the index made there.
SET LOCAL search_path = gp_app, public;
DO $$
BEGIN
    IF to_regclass('gp_accounts_email_idx') IS NULL THEN
        CREATE INDEX gp_accounts_email_idx ON public.gp_accounts USING btree (email);
    END IF;
END
$$;
