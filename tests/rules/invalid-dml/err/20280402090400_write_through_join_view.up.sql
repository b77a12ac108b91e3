CREATE TABLE IF NOT EXISTS jv_projects (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS jv_tasks (id bigint PRIMARY KEY, project_id bigint NOT NULL REFERENCES jv_projects (id), title text NOT NULL, priority integer NOT NULL DEFAULT 3);
CREATE OR REPLACE VIEW jv_task_board AS
    SELECT t.id, t.title, t.priority, p.name AS project_name
    FROM jv_tasks t JOIN jv_projects p ON p.id = t.project_id;
CREATE OR REPLACE FUNCTION jv_task_board_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO jv_tasks (id, project_id, title)
    SELECT NEW.id, p.id, NEW.title FROM jv_projects p WHERE p.name = NEW.project_name;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS jv_task_board_insert ON jv_task_board;
CREATE TRIGGER jv_task_board_insert INSTEAD OF INSERT ON jv_task_board
    FOR EACH ROW EXECUTE FUNCTION jv_task_board_insert();
-- only an INSTEAD OF INSERT trigger: cannot update view "jv_task_board", cannot delete from view
UPDATE jv_task_board SET priority = 1 WHERE project_name = 'legacy' AND priority = 3;
DELETE FROM jv_task_board WHERE id = 1;
-- the trigger takes the INSERT: fine
INSERT INTO jv_task_board (id, title, project_name) VALUES (1, 'seed', 'legacy');
CREATE OR REPLACE VIEW jv_priorities AS
    SELECT priority, count(*) AS tasks FROM jv_tasks GROUP BY priority;
-- cannot insert into view "jv_priorities" (Views containing GROUP BY ...)
INSERT INTO jv_priorities (priority) VALUES (1);
CREATE OR REPLACE VIEW jv_ruled AS
    SELECT DISTINCT id, priority FROM jv_tasks;
CREATE OR REPLACE RULE jv_ruled_update AS ON UPDATE TO jv_ruled
    DO INSTEAD UPDATE jv_tasks SET priority = new.priority WHERE id = old.id;
-- an unconditional DO INSTEAD rule takes the UPDATE: fine
UPDATE jv_ruled SET priority = 2 WHERE id = 1;
CREATE OR REPLACE VIEW jv_constants AS SELECT 1 AS one, now() AS at FROM jv_tasks;
-- no updatable columns: refused for UPDATE, not for DELETE
DELETE FROM jv_constants;
