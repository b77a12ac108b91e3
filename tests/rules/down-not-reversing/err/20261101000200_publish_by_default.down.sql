-- status was 'pending', kind 'post' (set by 20261101000100)
ALTER TABLE articles ALTER COLUMN status SET DEFAULT 'draft';
ALTER TABLE articles ALTER COLUMN kind SET DEFAULT 'note';
