DO $$ BEGIN IF to_regtype('"PostStatus"') IS NULL THEN CREATE TYPE "PostStatus" AS ENUM ('DRAFT', 'ARCHIVED'); END IF; END $$;
