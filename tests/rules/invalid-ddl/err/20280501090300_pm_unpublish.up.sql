-- the swapped-in table never took the old one's place in the publication
ALTER PUBLICATION pm_realtime DROP TABLE pm_messages;
-- published only through its schema, which cannot leave one table out
ALTER PUBLICATION pm_audit_feed DROP TABLE pm_audit.entries;
