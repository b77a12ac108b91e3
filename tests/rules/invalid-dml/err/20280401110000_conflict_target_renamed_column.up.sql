CREATE TABLE IF NOT EXISTS rc_api_keys (
    id bigint PRIMARY KEY,
    key_hash bytea NOT NULL,
    revoked_at timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS rc_api_keys_active_idx ON rc_api_keys (key_hash)
WHERE revoked_at IS NULL;
ALTER TABLE rc_api_keys RENAME COLUMN revoked_at TO revoked_on;
INSERT INTO rc_api_keys (id, key_hash) VALUES (1, '\x00')
ON CONFLICT (key_hash) WHERE revoked_at IS NULL DO NOTHING;
INSERT INTO rc_api_keys (id, key_hash) VALUES (2, '\x01')
ON CONFLICT (key_hash) WHERE revoked_on IS NULL DO NOTHING;
