-- Half a swap: the column now named project_id_big is renamed back to project_id, but the other
-- is left named project_id_tmp.
ALTER TABLE swap_builds RENAME COLUMN project_id TO project_id_tmp;
ALTER TABLE swap_builds RENAME COLUMN project_id_big TO project_id;
