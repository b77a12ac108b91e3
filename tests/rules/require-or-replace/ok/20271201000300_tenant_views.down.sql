DO $$
DECLARE
  s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS projects_touch ON %I.projects', s);
    EXECUTE format('DROP VIEW IF EXISTS %I.active_projects', s);
  END LOOP;
END
$$;
