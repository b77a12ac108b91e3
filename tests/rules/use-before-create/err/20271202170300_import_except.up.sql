-- EXCEPT (audit_log) leaves that table out: nothing makes billing_mirror.audit_log.
IMPORT FOREIGN SCHEMA public EXCEPT (audit_log) FROM SERVER billing INTO billing_mirror;
CREATE OR REPLACE VIEW billing_audit AS SELECT * FROM billing_mirror.audit_log;
