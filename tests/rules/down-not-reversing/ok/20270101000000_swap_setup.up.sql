CREATE TABLE swap_builds (id bigint PRIMARY KEY, project_id integer NOT NULL,
    project_id_big bigint NOT NULL DEFAULT 0);
