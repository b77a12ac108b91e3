CREATE TABLE IF NOT EXISTS vo_projects (id bigint PRIMARY KEY, owner_id bigint, name text);
-- security_definer is a function's attribute; a view's is security_invoker.
CREATE OR REPLACE VIEW vo_mine WITH (security_definer = false) AS SELECT id, name FROM vo_projects;
CREATE OR REPLACE VIEW vo_checked WITH (check_option = 'both') AS SELECT id, name FROM vo_projects;
CREATE OR REPLACE VIEW vo_invoker WITH (security_invoker = maybe) AS SELECT id FROM vo_projects;
CREATE OR REPLACE VIEW vo_named AS SELECT id, name FROM vo_projects;
ALTER VIEW vo_named SET (security_invoker = true, security_invoker = false);
ALTER VIEW vo_named SET (fillfactor = 70);
