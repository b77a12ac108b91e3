-- Adding a partition while rows sit in DEFAULT: a second run finds the DEFAULT partition
-- attached again (the first run's last statement), so its DETACH succeeds.
ALTER TABLE drain_events DETACH PARTITION drain_events_default;
CREATE TABLE IF NOT EXISTS drain_events_2027 PARTITION OF drain_events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
ALTER TABLE drain_events ATTACH PARTITION drain_events_default DEFAULT;
