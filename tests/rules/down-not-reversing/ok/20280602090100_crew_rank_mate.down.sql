-- The same rebuild back: the column is converted to "Rank_old", which the down then renames to
-- "Rank", the type it had before the up (PostgreSQL: format_type gives "Rank" after the down).
CREATE TYPE "Rank_old" AS ENUM ('CREW', 'CAPTAIN');
ALTER TABLE "CrewMember" ALTER COLUMN "rank" DROP DEFAULT;
ALTER TABLE "CrewMember" ALTER COLUMN "rank" TYPE "Rank_old" USING ("rank"::text::"Rank_old");
ALTER TYPE "Rank" RENAME TO "Rank_new";
ALTER TYPE "Rank_old" RENAME TO "Rank";
DROP TYPE "Rank_new";
ALTER TABLE "CrewMember" ALTER COLUMN "rank" SET DEFAULT 'CREW';
