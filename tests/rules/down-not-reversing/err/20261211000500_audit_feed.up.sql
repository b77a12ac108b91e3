-- a publication no migration made: DROP TABLE shows feed_invoices was in it
ALTER PUBLICATION audit_feed DROP TABLE feed_invoices;
ALTER PUBLICATION audit_feed SET (publish = 'insert');
