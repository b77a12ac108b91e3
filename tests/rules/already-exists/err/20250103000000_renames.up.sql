-- A rename to a name another column, or another table, has.
ALTER TABLE items RENAME COLUMN price TO name;
CREATE TABLE IF NOT EXISTS item_tags (id bigint PRIMARY KEY);
ALTER TABLE item_tags RENAME TO items;
