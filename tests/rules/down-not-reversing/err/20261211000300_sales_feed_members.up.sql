-- feed_invoices added and dropped again by the down; feed_orders taken out and not added back
ALTER PUBLICATION sales_feed ADD TABLE feed_invoices;
ALTER PUBLICATION sales_feed DROP TABLE feed_orders;
