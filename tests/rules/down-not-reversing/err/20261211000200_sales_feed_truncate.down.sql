ALTER PUBLICATION sales_feed SET (publish = 'insert, update, delete');
