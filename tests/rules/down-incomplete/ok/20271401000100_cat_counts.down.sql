DROP TABLE IF EXISTS cat_events_copy;
DROP TABLE IF EXISTS cat_kind_counts;
DROP TABLE IF EXISTS cat_events;
