-- PostgreSQL refuses an index on expressions for a constraint ("index
-- "subscribers_email_lower_key" contains expressions"): no constraint takes the index, and the
-- down's DROP CONSTRAINT leaves it (require-constraint-using-index reports the up)
ALTER TABLE subscribers DROP CONSTRAINT IF EXISTS subscribers_email_lower_key;
ALTER TABLE subscribers ADD CONSTRAINT subscribers_email_lower_key UNIQUE USING INDEX subscribers_email_lower_key;
