-- SET search_path = '' leaves PostgreSQL nothing but pg_catalog to look team_members up in
CREATE OR REPLACE FUNCTION public.is_team_member(_team_id bigint) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER SET search_path = '' STABLE
AS $$
    SELECT EXISTS (
        SELECT 1 FROM team_members tm
        WHERE tm.team_id = _team_id
          AND tm.user_id = nullif(current_setting('request.jwt.claim.sub', true), '')::uuid
    );
$$;
