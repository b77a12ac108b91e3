DROP TABLE IF EXISTS "FixmApp".session;
DROP INDEX IF EXISTS "FixmApp".fixm_account_id_idx;
ALTER TABLE "FixmApp"."UserAccount" DROP COLUMN IF EXISTS "LastLoginAt";
