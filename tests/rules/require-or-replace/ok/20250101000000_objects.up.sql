-- Re-runnable: this file runs twice in a row without an error.
CREATE TABLE IF NOT EXISTS organizations (id int PRIMARY KEY, parent_id int);
CREATE TABLE IF NOT EXISTS users (id int PRIMARY KEY, deleted_at timestamptz, created_at timestamptz, updated_at timestamptz, is_admin boolean);
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

-- Triggers and rules: nothing depends on them, so dropping them first is a guard too.
DROP TRIGGER IF EXISTS users_touch_again ON users;
CREATE TRIGGER users_touch_again BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
DROP RULE IF EXISTS users_no_update ON users;
CREATE RULE users_no_update AS ON UPDATE TO users WHERE false DO INSTEAD NOTHING;

-- Temporary, or created and dropped again in the same file.
CREATE TEMP VIEW import_view AS SELECT 1 AS one;
CREATE FUNCTION scratch_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM users';
SELECT scratch_count();
DROP FUNCTION scratch_count();
CREATE TEMP TABLE import_rows (id int);
CREATE TRIGGER import_rows_touch BEFORE UPDATE ON import_rows FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- A table the file drops and makes again has none of its old triggers.
DROP TABLE IF EXISTS report_rows;
CREATE TABLE report_rows (id int, updated_at timestamptz);
CREATE TRIGGER report_rows_touch BEFORE UPDATE ON report_rows FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- A constraint trigger has no OR REPLACE: guard-create's.
DO $$ BEGIN
  CREATE CONSTRAINT TRIGGER users_check AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- Guarded in DO blocks.
DO $$
BEGIN
  IF to_regprocedure('user_count()') IS NULL THEN
    CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM users';
  END IF;
END $$;

DO $$
BEGIN
  CREATE VIEW admins AS SELECT * FROM users WHERE is_admin;
EXCEPTION WHEN duplicate_table THEN NULL;
END $$;

-- sqlgate:run-once the report view is replaced by the reporting service afterwards
CREATE VIEW user_report AS SELECT id FROM users;
