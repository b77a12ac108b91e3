DROP TABLE IF EXISTS drain_events;
