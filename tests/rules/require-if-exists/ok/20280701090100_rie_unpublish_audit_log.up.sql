-- published through its schema only: PostgreSQL refuses this on the first run already
-- (invalid-ddl's), so it is not a second-run failure
ALTER PUBLICATION rie_feed DROP TABLE rie.audit_log;
