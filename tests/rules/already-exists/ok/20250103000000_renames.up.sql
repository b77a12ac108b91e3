-- Renames to free names, and into a name the file freed first.
ALTER TABLE items RENAME COLUMN price TO unit_price;
ALTER TABLE items RENAME COLUMN name TO price;
