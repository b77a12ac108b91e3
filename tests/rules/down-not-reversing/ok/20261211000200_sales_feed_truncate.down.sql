ALTER PUBLICATION sales_feed ADD TABLE feed_orders;
ALTER PUBLICATION sales_feed DROP TABLE feed_invoices;
ALTER PUBLICATION sales_feed SET (publish = 'insert, update, delete',
                                  publish_via_partition_root = false);
