ALTER TABLE campaigns ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS campaigns_by_organization ON campaigns;
CREATE POLICY campaigns_by_organization ON campaigns
    FOR SELECT
    USING (organization_id = current_setting('app.organization_id', true)::bigint);

GRANT SELECT ON campaigns TO PUBLIC;

ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS notes text;
COMMENT ON COLUMN campaigns.notes IS 'Free text for operators';
