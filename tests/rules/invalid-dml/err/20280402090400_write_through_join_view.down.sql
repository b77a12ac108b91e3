DROP VIEW IF EXISTS jv_constants;
DROP VIEW IF EXISTS jv_ruled;
DROP VIEW IF EXISTS jv_priorities;
DROP VIEW IF EXISTS jv_task_board;
DROP FUNCTION IF EXISTS jv_task_board_insert();
DROP TABLE IF EXISTS jv_tasks;
DROP TABLE IF EXISTS jv_projects;
