-- the row filter and column list of feed_customers dropped; the down does not write them back
ALTER PUBLICATION sales_feed SET TABLE feed_customers, feed_refunds, feed_invoices;
