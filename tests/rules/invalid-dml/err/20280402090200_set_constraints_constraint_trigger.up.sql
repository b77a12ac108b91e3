CREATE TABLE IF NOT EXISTS ct_projects (id bigint PRIMARY KEY, owner_id bigint, reviewer_id bigint);
CREATE OR REPLACE FUNCTION ct_check_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.owner_id IS NULL THEN RAISE EXCEPTION 'project % has no owner', NEW.id; END IF;
    RETURN NULL;
END $$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'ct_projects_owner_required'
                   AND tgrelid = 'ct_projects'::regclass) THEN
        CREATE CONSTRAINT TRIGGER ct_projects_owner_required
            AFTER INSERT OR UPDATE OF owner_id ON ct_projects
            FOR EACH ROW EXECUTE FUNCTION ct_check_project();
    END IF;
END $$;
DROP TRIGGER IF EXISTS ct_projects_reviewer_required ON ct_projects;
CREATE CONSTRAINT TRIGGER ct_projects_reviewer_required
    AFTER INSERT ON ct_projects DEFERRABLE
    FOR EACH ROW EXECUTE FUNCTION ct_check_project();
DROP TRIGGER IF EXISTS ct_projects_checked ON ct_projects;
CREATE CONSTRAINT TRIGGER ct_projects_checked
    AFTER INSERT ON ct_projects INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ct_check_project();
-- made without DEFERRABLE: constraint "ct_projects_owner_required" is not deferrable
SET CONSTRAINTS ct_projects_owner_required DEFERRED;
-- DEFERRABLE, and INITIALLY DEFERRED (which makes it DEFERRABLE): fine
SET CONSTRAINTS ct_projects_reviewer_required, ct_projects_checked DEFERRED;
SET CONSTRAINTS ALL DEFERRED;
