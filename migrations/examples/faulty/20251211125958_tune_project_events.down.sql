ALTER TABLE project_events RESET (autovacuum_vacuum_scale_factor);
