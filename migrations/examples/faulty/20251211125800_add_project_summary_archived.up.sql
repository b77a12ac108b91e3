-- The view gains a column at the end, which PostgreSQL accepts; the down tries to take it away
-- again with CREATE OR REPLACE, which PostgreSQL refuses ("cannot drop columns from view").
CREATE OR REPLACE VIEW project_summary AS
    SELECT id, owner_id, created_at, archived_at FROM projects;
