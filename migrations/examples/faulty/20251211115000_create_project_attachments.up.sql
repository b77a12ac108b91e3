-- BEGIN without COMMIT: the transaction is still open when the file ends.
SET lock_timeout = '5s';
BEGIN;
CREATE TABLE IF NOT EXISTS project_attachments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id),
    file_name   text NOT NULL
);
