ALTER TABLE articles ALTER COLUMN status SET DEFAULT 'published';
ALTER TABLE articles ALTER COLUMN kind SET DEFAULT 'page';
