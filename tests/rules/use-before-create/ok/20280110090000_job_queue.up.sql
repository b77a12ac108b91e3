-- pg_dump's header: PostgreSQL does not analyze the bodies made while it is off
SET check_function_bodies = false;
CREATE OR REPLACE FUNCTION public.pending_jobs() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM public.jobs WHERE finished_at IS NULL $$;
RESET check_function_bodies;

CREATE SCHEMA IF NOT EXISTS queue;
CREATE TABLE IF NOT EXISTS queue.jobs (
    id bigint PRIMARY KEY,
    kind text NOT NULL,
    finished_at timestamptz
);

-- the body is looked up along the function's own search path; pg_catalog comes first anyway
CREATE OR REPLACE FUNCTION public.jobs_of_kind(_kind text) RETURNS SETOF bigint
    LANGUAGE sql STABLE SET search_path = queue
    AS $$ SELECT id FROM jobs WHERE kind = lower(_kind) $$;

CREATE OR REPLACE FUNCTION public.catalog_tables() RETURNS bigint
    LANGUAGE sql STABLE SET search_path = ''
    AS $$ SELECT count(*) FROM pg_class c JOIN queue.jobs j ON j.id = c.oid::bigint $$;

-- a polymorphic argument: PostgreSQL only parses the body
CREATE OR REPLACE FUNCTION public.first_archived(_kind anyelement) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT min(id) FROM queue.archived_jobs WHERE kind = _kind::text $$;

-- the function's own SET check_function_bodies = off applies while it is made
CREATE OR REPLACE FUNCTION public.archived_count() RETURNS bigint
    LANGUAGE sql STABLE SET check_function_bodies = off
    AS $$ SELECT count(*) FROM queue.archived_jobs $$;

-- utility statements in a body are only parsed; PL/pgSQL bodies are checked when they run
CREATE OR REPLACE FUNCTION public.clear_archive() RETURNS void
    LANGUAGE sql
    AS $$ TRUNCATE queue.archived_jobs $$;
CREATE OR REPLACE FUNCTION public.archive_size() RETURNS bigint
    LANGUAGE plpgsql STABLE
    AS $$ BEGIN RETURN (SELECT count(*) FROM queue.archived_jobs); END $$;

CREATE TABLE IF NOT EXISTS public.jobs (id bigint PRIMARY KEY, finished_at timestamptz);
CREATE TABLE IF NOT EXISTS queue.archived_jobs (id bigint PRIMARY KEY, kind text NOT NULL);
