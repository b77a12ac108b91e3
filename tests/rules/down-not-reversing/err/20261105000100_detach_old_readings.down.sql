-- other bounds for the first; the second is not attached back
ALTER TABLE readings ATTACH PARTITION readings_2024_01 FOR VALUES FROM ('2024-01-01') TO ('2024-01-31');
