-- Takes from plan_reader the SELECT on plan_prices it had before the up; leaves the sequences.
REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM plan_reader, plan_auditor;
