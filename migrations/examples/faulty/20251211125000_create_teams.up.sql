-- The down drops teams while team_members still references it: PostgreSQL refuses
-- ("other objects depend on it") and the rollback stops with a dirty version.
CREATE TABLE IF NOT EXISTS teams (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name  text NOT NULL
);

CREATE TABLE IF NOT EXISTS team_members (
    team_id    bigint NOT NULL REFERENCES teams (id),
    user_name  text NOT NULL,
    PRIMARY KEY (team_id, user_name)
);
