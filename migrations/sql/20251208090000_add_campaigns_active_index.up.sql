-- sqlgate:no-transaction
-- The scheduler looks up the active campaigns of an organization. Built without blocking
-- writes to campaigns. A no-transaction file runs statement by statement, so each concurrent
-- statement runs on its own: the DROP first removes an INVALID index that a failed or
-- cancelled build left behind (IF NOT EXISTS alone would keep it); a re-run rebuilds the index.
DROP INDEX CONCURRENTLY IF EXISTS campaigns_active_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS campaigns_active_idx
    ON campaigns (organization_id, starts_at)
    WHERE status = 'active';
