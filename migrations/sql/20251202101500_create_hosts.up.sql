-- Hosts an organization manages. details holds what the agent reports (OS, CPUs, tags).
-- The foreign key locks organizations while the table is created: rather than queue every
-- query on organizations behind a long transaction, give up after 5 seconds (and retry).
SET lock_timeout = '5s';

CREATE TABLE IF NOT EXISTS hosts (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    hostname         text        NOT NULL,
    details          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS hosts_details_idx ON hosts USING gin (details jsonb_path_ops);

-- A hostname is unique within its organization. ADD CONSTRAINT has no IF NOT EXISTS form:
-- test the catalog first.
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1
          FROM pg_catalog.pg_constraint
         WHERE conname = 'hosts_organization_id_hostname_key'
           AND conrelid = 'hosts'::regclass
    ) THEN
        ALTER TABLE hosts
            ADD CONSTRAINT hosts_organization_id_hostname_key UNIQUE (organization_id, hostname);
    END IF;
END
$$;

CREATE OR REPLACE TRIGGER hosts_set_updated_at
    BEFORE UPDATE ON hosts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
