-- the down's SET TABLE lists what it published before the up
ALTER PUBLICATION sales_feed SET TABLE feed_customers (id, region) WHERE (region = 'eu'),
  feed_orders, feed_refunds;
