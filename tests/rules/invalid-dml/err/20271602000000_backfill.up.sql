-- a row filter on deleted_at, not part of the primary key
UPDATE product SET price = round(price, 1) WHERE price <> round(price, 1);
DELETE FROM product WHERE deleted_at < '2020-01-01';
INSERT INTO product VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET price = excluded.price;
MERGE INTO product p USING (SELECT 1 AS id) s ON p.id = s.id WHEN MATCHED THEN DELETE;
-- REPLICA IDENTITY FULL: the column list leaves out product_id
ALTER TABLE price_note REPLICA IDENTITY FULL;
DELETE FROM price_note WHERE note IS NULL;
-- no primary key
UPDATE import_line SET payload = trim(payload);
-- deletes published, with a column list without warehouse, the replica identity's
DELETE FROM stock WHERE qty = 0;
