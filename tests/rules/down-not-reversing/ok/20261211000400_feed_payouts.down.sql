ALTER PUBLICATION audit_feed SET (publish_via_partition_root = false);
ALTER PUBLICATION audit_feed DROP TABLE feed_orders;
DROP TABLE IF EXISTS feed_payouts;
