CREATE TABLE IF NOT EXISTS configs (
    key        text PRIMARY KEY,
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO configs (key, value) VALUES
    ('signup.enabled', 'true'),
    ('scan.interval_minutes', '15'),
    ('report.retention_days', '90')
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now();
