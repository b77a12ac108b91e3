ALTER PUBLICATION sales_feed DROP TABLE feed_invoices;
