-- NOT VALID, then VALIDATE in the same transaction: the validation's scan holds the lock the
-- NOT VALID step took, so nothing is gained. VALIDATE belongs in the next migration.
SET lock_timeout = '5s';
DO $$
BEGIN
    ALTER TABLE projects ADD CONSTRAINT projects_budget_not_negative
        CHECK (budget_cents >= 0) NOT VALID;
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

ALTER TABLE projects VALIDATE CONSTRAINT projects_budget_not_negative;
