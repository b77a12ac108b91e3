DROP TABLE restored_kinds;
DROP TABLE restored_archive;
DROP TABLE restored_events;
