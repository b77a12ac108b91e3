CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
CREATE TABLE IF NOT EXISTS public.members (
    id uuid DEFAULT public.uuid_generate_v4() PRIMARY KEY,
    email public.citext NOT NULL
);
CREATE OR REPLACE FUNCTION public.hash_token(raw text) RETURNS bytea
    LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT public.digest(raw, 'sha256');
END;
