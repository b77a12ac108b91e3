ALTER PUBLICATION sales_feed SET TABLE feed_customers, feed_orders;
