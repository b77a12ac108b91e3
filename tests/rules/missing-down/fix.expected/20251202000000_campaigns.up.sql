-- Campaigns and the people they target.
CREATE TABLE IF NOT EXISTS campaigns (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS campaign_targets (
  id bigserial PRIMARY KEY,
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  target text NOT NULL,
  UNIQUE (campaign_id, target)
);

CREATE INDEX IF NOT EXISTS campaign_targets_campaign_id_idx ON campaign_targets (campaign_id);
