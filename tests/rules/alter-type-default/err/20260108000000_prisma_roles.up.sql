-- Prisma's quoted enum "Role", and a column of it with a default.
DO $$ BEGIN
  CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'MODERATOR');
EXCEPTION
  WHEN duplicate_object THEN null;
END $$;
CREATE TABLE IF NOT EXISTS "Member" ("id" bigint PRIMARY KEY, "role" "Role" NOT NULL DEFAULT 'USER');
