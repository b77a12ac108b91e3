-- A down reverses its up's rename.
ALTER TABLE orders RENAME COLUMN amount TO total;
