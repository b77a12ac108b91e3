-- Prisma's enum change: the new type under a temporary name, the column converted, the old type
-- renamed away and dropped, the new one renamed to the old name.
CREATE TYPE "Rank_new" AS ENUM ('CREW', 'MATE', 'CAPTAIN');
ALTER TABLE "CrewMember" ALTER COLUMN "rank" DROP DEFAULT;
ALTER TABLE "CrewMember" ALTER COLUMN "rank" TYPE "Rank_new" USING ("rank"::text::"Rank_new");
ALTER TYPE "Rank" RENAME TO "Rank_old";
ALTER TYPE "Rank_new" RENAME TO "Rank";
DROP TYPE "Rank_old";
ALTER TABLE "CrewMember" ALTER COLUMN "rank" SET DEFAULT 'CREW';
