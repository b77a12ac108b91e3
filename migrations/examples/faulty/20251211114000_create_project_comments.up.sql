-- Its own BEGIN and COMMIT: sqlgate cannot wrap the file and its version bump in one
-- transaction, so it runs it as written, under golang-migrate's dirty protocol.
SET lock_timeout = '5s';
BEGIN;
CREATE TABLE IF NOT EXISTS project_comments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id),
    body        text NOT NULL
);
CREATE INDEX IF NOT EXISTS project_comments_project_id_idx ON project_comments (project_id);
COMMIT;
