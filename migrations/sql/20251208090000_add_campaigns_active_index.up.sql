-- sqlgate:no-transaction
-- The scheduler looks up the active campaigns of an organization. Built without blocking
-- writes to campaigns, so it must be the only statement of its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS campaigns_active_idx
    ON campaigns (organization_id, starts_at)
    WHERE status = 'active';
