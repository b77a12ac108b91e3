SET lock_timeout = '5s';
DROP TABLE IF EXISTS teams;
DROP TABLE IF EXISTS team_members;
