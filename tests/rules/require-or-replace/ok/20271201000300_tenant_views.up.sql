-- Templates of a tenant loop: OR REPLACE in the template, and a DROP of the trigger first.
DO $$
DECLARE
  s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('CREATE OR REPLACE VIEW %I.active_projects AS SELECT * FROM %I.projects', s, s);
    EXECUTE format('DROP TRIGGER IF EXISTS projects_touch ON %I.projects', s);
    EXECUTE format('CREATE TRIGGER projects_touch BEFORE UPDATE ON %I.projects
                    FOR EACH ROW EXECUTE FUNCTION touch()', s);
  END LOOP;
END
$$;
