-- Exchange the two columns' names through a temporary one.
ALTER TABLE swap_builds RENAME COLUMN project_id TO project_id_tmp;
ALTER TABLE swap_builds RENAME COLUMN project_id_big TO project_id;
ALTER TABLE swap_builds RENAME COLUMN project_id_tmp TO project_id_big;
