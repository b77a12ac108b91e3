-- as pg_dump writes them (the migrations do not say article_copies had no default)
ALTER TABLE articles ALTER COLUMN status SET DEFAULT 'pending'::text;
ALTER TABLE articles ALTER COLUMN kind SET DEFAULT ('post');
ALTER TABLE article_copies ALTER COLUMN status DROP DEFAULT;
