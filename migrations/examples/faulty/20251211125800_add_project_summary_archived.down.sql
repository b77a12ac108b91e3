CREATE OR REPLACE VIEW project_summary AS
    SELECT id, owner_id, created_at FROM projects;
