SET lock_timeout = '5s';
DROP TABLE IF EXISTS project_events_2025;
DROP TABLE IF EXISTS project_events_2024;
DROP TABLE IF EXISTS project_events;
