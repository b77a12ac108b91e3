DROP TABLE pk_archive;
DROP TABLE pk_events;
DROP TABLE pk_ref;
