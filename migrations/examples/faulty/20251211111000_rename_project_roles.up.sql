-- A table renamed in place: the running release still queries project_roles and fails until
-- the deploy finishes. Add the new name as a view first, or rename in two releases.
SET lock_timeout = '5s';
-- sqlgate:run-once the rename runs once; the down renames it back
ALTER TABLE project_roles RENAME TO project_role_types;
