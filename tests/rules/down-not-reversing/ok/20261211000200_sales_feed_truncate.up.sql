ALTER PUBLICATION sales_feed SET (publish = 'insert, update, delete, truncate',
                                  publish_via_partition_root = true);
-- added, dropped by the down; taken out, added back by the down
ALTER PUBLICATION sales_feed ADD TABLE feed_invoices;
ALTER PUBLICATION sales_feed DROP TABLE feed_orders;
