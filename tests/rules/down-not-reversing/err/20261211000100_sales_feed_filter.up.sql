-- the down's SET TABLE, written from the CREATE PUBLICATION, leaves out feed_refunds
ALTER PUBLICATION sales_feed SET TABLE feed_customers (id, region) WHERE (region = 'eu'),
  feed_orders, feed_refunds;
