ALTER PUBLICATION audit_feed SET (publish = 'insert, update, delete, truncate');
