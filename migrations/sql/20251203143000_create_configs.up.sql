-- Settings the application reads at start-up, seeded with their defaults. A second run keeps
-- the values operators have changed and refreshes only the descriptions.
CREATE TABLE IF NOT EXISTS configs (
    key          text        PRIMARY KEY,
    value        jsonb       NOT NULL,
    description  text        NOT NULL DEFAULT '',
    updated_at   timestamptz NOT NULL DEFAULT now()
);

INSERT INTO configs (key, value, description) VALUES
    ('scan.interval_seconds', '300'::jsonb,   'How often agents report host details'),
    ('scan.max_parallel',     '8'::jsonb,     'Hosts scanned at the same time per organization'),
    ('campaigns.enabled',     'true'::jsonb,  'Whether campaigns can be started')
ON CONFLICT (key) DO UPDATE
    SET description = EXCLUDED.description;

CREATE OR REPLACE TRIGGER configs_set_updated_at
    BEFORE UPDATE ON configs
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
