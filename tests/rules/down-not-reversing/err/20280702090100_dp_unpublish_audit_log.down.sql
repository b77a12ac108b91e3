-- give it back
ALTER PUBLICATION dp_feed ADD TABLE dp.audit_log;
