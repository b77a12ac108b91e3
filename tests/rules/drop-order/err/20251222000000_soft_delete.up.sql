CREATE TABLE IF NOT EXISTS repositories (id bigint PRIMARY KEY, parent_id bigint, uid text);
ALTER TABLE repositories ADD COLUMN deleted bigint DEFAULT NULL;
CREATE UNIQUE INDEX repositories_parent_id_uid ON repositories (parent_id, lower(uid)) WHERE deleted IS NULL;
CREATE INDEX repositories_deleted ON repositories (deleted) WHERE deleted IS NOT NULL;
