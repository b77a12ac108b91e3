CREATE TABLE IF NOT EXISTS samples (region text NOT NULL, v double precision) PARTITION BY LIST (region);
CREATE TABLE IF NOT EXISTS samples_us PARTITION OF samples FOR VALUES IN ('us');
