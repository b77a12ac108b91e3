DROP TABLE IF EXISTS log_entries_archive;
DROP TABLE IF EXISTS log_entries;
