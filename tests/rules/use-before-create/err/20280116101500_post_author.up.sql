-- A name given as text is folded as SQL folds it: 'Post'::regclass looks up post (relation "post"
-- does not exist), in the IF test as in a statement, and so does pg_get_serial_sequence('User',
-- 'id') where it surely runs.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conname = 'Post_authorId_fkey' AND conrelid = 'Post'::regclass) THEN
    ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") NOT VALID;
  END IF;
END $$;
SELECT setval(pg_get_serial_sequence('User', 'id'), coalesce(max("id"), 1), max("id") IS NOT null) FROM "User";
SELECT count(*) FROM pg_catalog.pg_attribute WHERE attrelid = 'public.Post'::regclass;
