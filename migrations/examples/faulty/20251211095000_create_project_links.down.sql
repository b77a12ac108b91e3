SET lock_timeout = '5s';
DROP TABLE IF EXISTS project_links;
DROP DOMAIN IF EXISTS project_slug;
