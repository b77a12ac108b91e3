CREATE TABLE IF NOT EXISTS co_projects (id bigint PRIMARY KEY, name text NOT NULL,
    archived_at timestamptz);
-- Stored as the view's check_option parameter: {check_option=cascaded}.
CREATE OR REPLACE VIEW co_active_projects AS
    SELECT id, name, archived_at FROM co_projects WHERE archived_at IS NULL
    WITH CASCADED CHECK OPTION;
CREATE OR REPLACE VIEW co_recent_projects AS
    SELECT id, name, archived_at FROM co_projects WHERE id > 1000
    WITH LOCAL CHECK OPTION;
