DROP TABLE IF EXISTS crew_members;
