-- Campaigns run a task on a set of hosts of one organization.
SET lock_timeout = '5s';

-- CREATE TYPE has no IF NOT EXISTS form: a second run meets duplicate_object, caught here.
DO $$
BEGIN
    CREATE TYPE campaign_status AS ENUM ('draft', 'active', 'paused', 'finished');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

CREATE TABLE IF NOT EXISTS campaigns (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  bigint          NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name             text            NOT NULL,
    status           campaign_status NOT NULL DEFAULT 'draft',
    starts_at        timestamptz,
    ends_at          timestamptz,
    created_at       timestamptz     NOT NULL DEFAULT now(),
    CONSTRAINT campaigns_period_check CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);

CREATE TABLE IF NOT EXISTS campaign_targets (
    campaign_id  bigint      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    host_id      bigint      NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, host_id)
);

CREATE INDEX IF NOT EXISTS campaign_targets_host_id_idx ON campaign_targets (host_id);
