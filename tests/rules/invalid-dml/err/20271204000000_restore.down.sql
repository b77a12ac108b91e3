DROP TABLE restored_totals;
DROP TABLE restored_archive;
DROP TABLE restored_events;
