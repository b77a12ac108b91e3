DROP TABLE IF EXISTS fixm_archive;
