-- A BEGIN inside a BEGIN: PostgreSQL only warns, and the first COMMIT commits both parts.
SET lock_timeout = '5s';
BEGIN;
CREATE TABLE IF NOT EXISTS project_reactions (
    project_id  bigint NOT NULL REFERENCES projects (id),
    emoji       text NOT NULL,
    PRIMARY KEY (project_id, emoji)
);
BEGIN;
CREATE INDEX IF NOT EXISTS project_reactions_emoji_idx ON project_reactions (emoji);
COMMIT;
COMMIT;
