-- The down of this migration also drops project_comments, which another migration created:
-- rolling back the invites destroys every comment.
SET lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS project_invites (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id),
    email       text NOT NULL
);
