CREATE TABLE IF NOT EXISTS journal_lines (id bigint PRIMARY KEY, account_id bigint, memo text, tag text);
-- A body in a string is text until it runs; a parameter named like no column is not one.
CREATE OR REPLACE FUNCTION journal_memo(p_id bigint) RETURNS text LANGUAGE sql STABLE
AS $$ SELECT memo FROM journal_lines WHERE id = p_id $$;
CREATE OR REPLACE FUNCTION journal_touch(p_id bigint, p_account bigint) RETURNS void LANGUAGE sql
BEGIN ATOMIC
  UPDATE journal_lines SET account_id = p_account WHERE id = p_id;
  INSERT INTO journal_lines (id) VALUES (p_id) ON CONFLICT (id) DO NOTHING;
END;
