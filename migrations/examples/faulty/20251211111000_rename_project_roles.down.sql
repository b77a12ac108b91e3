SET lock_timeout = '5s';
-- sqlgate:run-once reverses the rename of the up exactly once
ALTER TABLE project_role_types RENAME TO project_roles;
