-- Unquoted names fold to lower case: "FixmApp".useraccount, column id, schema fixmapp.
ALTER TABLE "FixmApp".UserAccount ADD COLUMN IF NOT EXISTS "LastLoginAt" timestamptz;
CREATE INDEX IF NOT EXISTS fixm_account_id_idx ON "FixmApp"."UserAccount" (Id);
CREATE TABLE IF NOT EXISTS FixmApp.session (id bigint);
