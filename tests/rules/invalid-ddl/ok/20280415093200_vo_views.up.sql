CREATE TABLE IF NOT EXISTS vo_projects (id bigint PRIMARY KEY, owner_id bigint, name text);
CREATE OR REPLACE VIEW vo_mine WITH (security_invoker = on, check_option = 'LOCAL', security_barrier)
    AS SELECT id, name FROM vo_projects;
ALTER VIEW vo_mine SET (security_barrier = false, check_option = cascaded);
ALTER TABLE vo_mine SET (security_invoker = 'yes');
