SET lock_timeout = '5s';
ALTER TABLE projects ADD CONSTRAINT projects_owner_title_key UNIQUE (owner_id, title);

DO $$
BEGIN
    ALTER TABLE projects ADD CONSTRAINT projects_title_check CHECK (title <> '');
EXCEPTION
    WHEN duplicate_table THEN NULL;  -- a second ADD CONSTRAINT ... CHECK raises duplicate_object
END
$$;
