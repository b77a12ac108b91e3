SET lock_timeout = '5s';
ALTER TABLE project_events ATTACH PARTITION project_events_2024
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
