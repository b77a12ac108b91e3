DROP VIEW IF EXISTS billing_audit;
