-- A swap is its own inverse: the same three renames exchange the names back.
ALTER TABLE swap_builds RENAME COLUMN project_id TO project_id_tmp;
ALTER TABLE swap_builds RENAME COLUMN project_id_big TO project_id;
ALTER TABLE swap_builds RENAME COLUMN project_id_tmp TO project_id_big;
