ALTER TABLE persons RENAME TO people;
ALTER TABLE people RENAME COLUMN email TO mail;
ALTER TABLE groups RENAME TO swap_tmp;
ALTER TABLE teams RENAME TO groups;
ALTER TABLE swap_tmp RENAME TO teams;
ALTER TABLE groups RENAME COLUMN label TO caption;
ALTER TABLE teams RENAME COLUMN name TO title;
