CREATE TABLE IF NOT EXISTS public.team_members (
    team_id bigint NOT NULL,
    user_id uuid NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
