DROP TABLE IF EXISTS shard_event, reading, region_row, daily, pair, at_time, by_name;
