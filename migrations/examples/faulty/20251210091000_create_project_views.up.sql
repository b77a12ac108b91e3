SET lock_timeout = '5s';
CREATE VIEW active_projects AS
    SELECT * FROM projects WHERE archived_at IS NULL;

CREATE FUNCTION touch_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := coalesce(NEW.created_at, now());
    RETURN NEW;
END
$$;

CREATE TRIGGER projects_touch
    BEFORE INSERT ON projects
    FOR EACH ROW EXECUTE FUNCTION touch_project();
