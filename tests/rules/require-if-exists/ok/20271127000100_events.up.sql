CREATE TABLE IF NOT EXISTS drain_events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE IF NOT EXISTS drain_events_default PARTITION OF drain_events DEFAULT;
