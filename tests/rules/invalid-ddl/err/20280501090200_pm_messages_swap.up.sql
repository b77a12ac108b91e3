-- sqlgate:run-once-file cut-over
CREATE TABLE pm_messages_new (LIKE pm_messages INCLUDING ALL);
INSERT INTO pm_messages_new SELECT * FROM pm_messages;
ALTER TABLE pm_messages RENAME TO pm_messages_old;
ALTER TABLE pm_messages_new RENAME TO pm_messages;
DROP TABLE pm_messages_old;
