CREATE TABLE IF NOT EXISTS fixm_archive (id bigint) TABLESPACE archive_space;
