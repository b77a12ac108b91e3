DROP PUBLICATION stock_pub, import_pub, note_pub, catalog_pub;
DROP TABLE stock, import_line, price_note, product;
