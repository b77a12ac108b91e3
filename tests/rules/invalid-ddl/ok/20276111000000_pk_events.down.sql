DROP TABLE pk_child;
DROP TABLE pk_base;
DROP TABLE pk_events;
