-- Every statement here fails when the migration runs a second time.
CREATE OR REPLACE VIEW active_users AS SELECT * FROM users WHERE deleted_at IS NULL;
CREATE OR REPLACE RECURSIVE VIEW org_tree (id, parent_id) AS
  SELECT id, parent_id FROM organizations WHERE parent_id IS NULL
  UNION ALL SELECT o.id, o.parent_id FROM organizations o JOIN org_tree t ON o.parent_id = t.id;
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END
$$;
CREATE OR REPLACE PROCEDURE archive_users() LANGUAGE sql AS $$ DELETE FROM users WHERE deleted_at < now() - interval '1 year' $$;
CREATE OR REPLACE AGGREGATE array_accum (anycompatible) (sfunc = array_append, stype = anycompatiblearray, initcond = '{}');
CREATE OR REPLACE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE OR REPLACE RULE users_no_delete AS ON DELETE TO users DO INSTEAD NOTHING;
CREATE OR REPLACE LANGUAGE plsample HANDLER plsample_call_handler;
CREATE OR REPLACE TRANSFORM FOR hstore LANGUAGE plpython3u (FROM SQL WITH FUNCTION hstore_to_plpython(internal), TO SQL WITH FUNCTION plpython_to_hstore(internal));

-- A DROP first is no guard for a view or a function that something made after it depends on.
DROP VIEW IF EXISTS recent_users;
CREATE VIEW recent_users AS SELECT * FROM users WHERE created_at > now() - interval '7 days';
CREATE OR REPLACE VIEW recent_admins AS SELECT * FROM recent_users WHERE is_admin;

-- In a DO block, unguarded or guarded against the wrong error.
DO $$
BEGIN
  CREATE OR REPLACE VIEW admins AS SELECT * FROM users WHERE is_admin;
EXCEPTION WHEN duplicate_object THEN NULL;  -- a second CREATE VIEW raises duplicate_table
END $$;

-- pg_tables lists no views: the guard lets every run create it.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_tables WHERE tablename = 'active_users') THEN
    CREATE OR REPLACE VIEW active_users AS SELECT * FROM users WHERE active;
  END IF;
END $$;
-- The same CREATEs run for every tenant's schema by EXECUTE format(): the second run finds them
-- there (ERROR: relation "active_projects" already exists; trigger "projects_touch" for relation
-- "projects" already exists).
DO $$
DECLARE
  s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('CREATE VIEW %I.active_projects AS SELECT * FROM %I.projects', s, s);
    EXECUTE format('CREATE TRIGGER projects_touch BEFORE UPDATE ON %I.projects
                    FOR EACH ROW EXECUTE FUNCTION touch()', s);
  END LOOP;
END
$$;
