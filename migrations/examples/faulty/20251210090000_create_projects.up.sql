CREATE TABLE projects (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id    bigint NOT NULL,
    title       text   NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX projects_created_at_idx ON projects (created_at);

ALTER TABLE projects ADD COLUMN archived_at timestamptz;
