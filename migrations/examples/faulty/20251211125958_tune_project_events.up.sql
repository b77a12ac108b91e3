-- project_events is partitioned: it has no storage of its own, and PostgreSQL refuses storage
-- parameters for it ("unrecognized parameter"). They go on each partition.
ALTER TABLE project_events SET (autovacuum_vacuum_scale_factor = 0.02);
