-- The rebuild of Prisma's quoted enum "Role" while the column's default is of it
-- ("default for column "role" cannot be cast automatically to type "Role"").
ALTER TYPE "Role" RENAME TO "Role_old";
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
ALTER TABLE "Member" ALTER COLUMN "role" TYPE "Role" USING ("role"::text::"Role");
DROP TYPE "Role_old";
