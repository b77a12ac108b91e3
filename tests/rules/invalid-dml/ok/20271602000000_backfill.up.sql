-- a row filter on the primary key's columns
ALTER PUBLICATION catalog_pub SET TABLE product WHERE (id > 0);
UPDATE product SET price = round(price, 1) WHERE price <> round(price, 1);
-- REPLICA IDENTITY FULL covers a row filter on any column
ALTER PUBLICATION catalog_pub SET TABLE product WHERE (deleted_at IS NULL);
ALTER TABLE product REPLICA IDENTITY FULL;
DELETE FROM product WHERE deleted_at < '2020-01-01';
-- the column list covers the primary key
UPDATE price_note SET note = trim(note);
-- updates not published; inserts are never refused
UPDATE stock SET qty = 0 WHERE qty < 0;
INSERT INTO import_line VALUES (1, 'x');
MERGE INTO product p USING (SELECT 2 AS id) s ON p.id = s.id
  WHEN NOT MATCHED THEN INSERT VALUES (2, 'b', 1);
-- a replica identity given before
ALTER TABLE import_line REPLICA IDENTITY FULL;
UPDATE import_line SET payload = trim(payload);
-- publish only inserts
ALTER PUBLICATION stock_pub SET (publish = 'insert');
DELETE FROM stock WHERE qty = 0;
