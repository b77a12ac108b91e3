-- a table the up makes and publishes: the down's DROP TABLE takes it out of the publication
CREATE TABLE IF NOT EXISTS feed_payouts (id bigint PRIMARY KEY);
ALTER PUBLICATION sales_feed ADD TABLE feed_payouts;
-- a publication no migration made: the down undoes what the up changes
ALTER PUBLICATION audit_feed ADD TABLE feed_orders;
ALTER PUBLICATION audit_feed SET (publish_via_partition_root = true);
