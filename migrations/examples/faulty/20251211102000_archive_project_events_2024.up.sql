-- DETACH PARTITION without CONCURRENTLY: an ACCESS EXCLUSIVE lock on project_events, so every
-- query on the event log waits (PostgreSQL 14 and later can detach concurrently).
SET lock_timeout = '5s';
ALTER TABLE project_events DETACH PARTITION project_events_2024;
