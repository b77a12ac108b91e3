DROP VIEW IF EXISTS vo_named, vo_invoker, vo_checked, vo_mine;
DROP TABLE IF EXISTS vo_projects;
