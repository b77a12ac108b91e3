ALTER TABLE items RENAME COLUMN price TO name;
ALTER TABLE items RENAME COLUMN unit_price TO price;
