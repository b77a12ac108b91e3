-- DROP COLUMN takes every index that reads the column, its WHERE clause included
ALTER TABLE repositories DROP COLUMN deleted;
DROP INDEX repositories_parent_id_uid;
DROP INDEX repositories_deleted;
DROP TABLE IF EXISTS repositories;
