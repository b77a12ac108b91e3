-- A COMMIT half-way: the statements after it run outside any transaction, so a failure there
-- leaves the first half applied and the version dirty.
SET lock_timeout = '5s';
BEGIN;
CREATE TABLE IF NOT EXISTS project_mentions (
    comment_id  bigint NOT NULL REFERENCES project_comments (id),
    user_name   text NOT NULL
);
COMMIT;
CREATE INDEX IF NOT EXISTS project_mentions_user_name_idx ON project_mentions (user_name);
