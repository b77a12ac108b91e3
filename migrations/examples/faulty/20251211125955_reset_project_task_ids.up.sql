-- After tasks were copied in with their ids: on an empty table (a new database) max(id) is NULL,
-- the fallback 0 is below the sequence's minimum, and setval fails ("value 0 is out of bounds").
SELECT setval('project_tasks_id_seq', COALESCE(max(id), 0)) FROM project_tasks;
