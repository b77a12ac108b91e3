ALTER PUBLICATION dp_feed DROP TABLE dp.audit_log;
