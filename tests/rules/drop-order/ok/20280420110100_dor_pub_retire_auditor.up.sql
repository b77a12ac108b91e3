-- the earlier migration's grants taken back before the role goes
REVOKE ALL ON SCHEMA public FROM dor_pub_auditor;
REVOKE SELECT ON dor_pub_legacy FROM dor_pub_auditor;
DROP ROLE IF EXISTS dor_pub_auditor;
