DROP INDEX IF EXISTS organization_members_user_idx;
DROP TABLE IF EXISTS organization_members;
DROP TABLE IF EXISTS organizations;
DROP TYPE IF EXISTS member_role;
