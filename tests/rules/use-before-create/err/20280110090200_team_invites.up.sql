-- PostgreSQL analyzes a LANGUAGE sql body when the function is made: the table must be there
CREATE OR REPLACE FUNCTION public.open_invites() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM public.team_invites WHERE accepted_at IS NULL $$;

CREATE TABLE IF NOT EXISTS public.team_invites (
    id bigint PRIMARY KEY,
    team_id bigint NOT NULL,
    accepted_at timestamptz
);

-- and so must its columns: team_members has no role
CREATE OR REPLACE FUNCTION public.team_owners(_team_id bigint) RETURNS SETOF uuid
    LANGUAGE sql STABLE
    AS $$ SELECT user_id FROM public.team_members WHERE team_id = _team_id AND role = 'owner' $$;
