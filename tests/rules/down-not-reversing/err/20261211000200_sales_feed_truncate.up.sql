-- the down sets publish back, not publish_via_partition_root
ALTER PUBLICATION sales_feed SET (publish = 'insert, update, delete, truncate',
                                  publish_via_partition_root = true);
