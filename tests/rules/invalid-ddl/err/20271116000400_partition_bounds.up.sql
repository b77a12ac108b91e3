-- Hash: remainder 4 of 8 is inside remainder 0 of 4 (splitting a partition in place).
CREATE TABLE IF NOT EXISTS shard_event_h0_a PARTITION OF shard_event
    FOR VALUES WITH (MODULUS 8, REMAINDER 4);
-- REMAINDER not below MODULUS; MODULUS 0; a range bound for a hash table.
CREATE TABLE IF NOT EXISTS shard_event_x PARTITION OF shard_event
    FOR VALUES WITH (MODULUS 4, REMAINDER 4);
CREATE TABLE IF NOT EXISTS shard_event_y PARTITION OF shard_event
    FOR VALUES WITH (MODULUS 0, REMAINDER 0);
CREATE TABLE IF NOT EXISTS shard_event_z PARTITION OF shard_event FOR VALUES FROM (1) TO (2);
-- 6 is not a multiple of 4.
CREATE TABLE IF NOT EXISTS shard_event_6 PARTITION OF shard_event
    FOR VALUES WITH (MODULUS 6, REMAINDER 1);
-- Range: overlapping, empty, another strategy's bound, a second DEFAULT, ATTACH overlapping.
CREATE TABLE IF NOT EXISTS reading_5 PARTITION OF reading FOR VALUES FROM (5) TO (20);
CREATE TABLE IF NOT EXISTS reading_20 PARTITION OF reading FOR VALUES FROM (20) TO (20);
CREATE TABLE IF NOT EXISTS reading_in PARTITION OF reading FOR VALUES IN (1);
CREATE TABLE IF NOT EXISTS reading_other PARTITION OF reading DEFAULT;
CREATE TABLE IF NOT EXISTS reading_low (id bigint NOT NULL);
ALTER TABLE reading ATTACH PARTITION reading_low FOR VALUES FROM (MINVALUE) TO (2);
-- List: a value, and NULL, that region_row_ab holds.
CREATE TABLE IF NOT EXISTS region_row_bc PARTITION OF region_row FOR VALUES IN ('c', 'b');
CREATE TABLE IF NOT EXISTS region_row_null PARTITION OF region_row FOR VALUES IN (NULL);
-- Dates and timestamps as ISO literals; a multi-column key.
CREATE TABLE IF NOT EXISTS daily_mid PARTITION OF daily
    FOR VALUES FROM ('2024-01-15') TO ('2024-03-01');
CREATE TABLE IF NOT EXISTS daily_back PARTITION OF daily
    FOR VALUES FROM ('2024-03-01') TO ('2024-02-01');
CREATE TABLE IF NOT EXISTS pair_15 PARTITION OF pair FOR VALUES FROM (1, 5) TO (2, 0);
CREATE TABLE IF NOT EXISTS pair_short PARTITION OF pair FOR VALUES FROM (1) TO (2);
CREATE TABLE IF NOT EXISTS at_time_2 PARTITION OF at_time
    FOR VALUES FROM ('2024-01-02T06:00:00') TO ('2024-01-03');
