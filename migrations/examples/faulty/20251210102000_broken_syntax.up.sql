CREATE TABLE IF NOT EXISTS project_notes (
    id       bigint PRIMARY KEY
    body     text NOT NULL
);
