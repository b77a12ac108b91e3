-- A text column to Prisma's quoted enum "Role": no cast from text to it ("column "role" cannot
-- be cast automatically to type "Role"").
DO $$ BEGIN
  CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
EXCEPTION
  WHEN duplicate_object THEN null;
END $$;
ALTER TABLE "Member" ALTER COLUMN "role" SET DATA TYPE "Role";
