-- Each run adds another index: users_email_idx, users_email_idx1, ...
CREATE INDEX ON users (email);
CREATE UNIQUE INDEX ON users (lower(email));
CREATE INDEX CONCURRENTLY ON public.users USING gin (tags);
DO $$
BEGIN
  CREATE INDEX ON users (created_at);
EXCEPTION WHEN duplicate_table THEN NULL;  -- never raised: the name is new every time
END $$;
