-- A column renamed, then its table: the down renames the table back first.
ALTER TABLE people RENAME COLUMN mail TO email;
ALTER TABLE people RENAME TO persons;
-- Two tables swap names, and a column of each is renamed under its new name.
ALTER TABLE teams RENAME TO swap_tmp;
ALTER TABLE groups RENAME TO teams;
ALTER TABLE swap_tmp RENAME TO groups;
ALTER TABLE teams RENAME COLUMN caption TO label;
ALTER TABLE groups RENAME COLUMN title TO name;
