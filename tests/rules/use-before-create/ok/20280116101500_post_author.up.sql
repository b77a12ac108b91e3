-- Names given as text in double quotes keep their case: '"Post"'::regclass, and
-- pg_get_serial_sequence('"User"', 'id').
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conname = 'Post_authorId_fkey' AND conrelid = '"Post"'::regclass) THEN
    ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") NOT VALID;
  END IF;
END $$;
SELECT setval(pg_get_serial_sequence('"User"', 'id'), coalesce(max("id"), 1), max("id") IS NOT null) FROM "User";
SELECT count(*) FROM pg_catalog.pg_attribute WHERE attrelid = 'public."Post"'::regclass;
