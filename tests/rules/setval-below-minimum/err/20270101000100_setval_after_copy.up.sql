-- After a bulk copy: on an empty table (a new database) max(id) is NULL, the fallback 0 is below
-- the sequence's minimum 1, and setval fails.
SELECT setval('orders_id_seq', COALESCE(max(id), 0)) FROM orders;
SELECT setval('invoices_id_seq', (SELECT COALESCE(max(id), 0) FROM invoices));
SELECT pg_catalog.setval('public.notes_id_seq'::regclass, COALESCE((SELECT max(id) FROM notes), 0), true);
-- A constant below 1 fails always, is_called or not.
SELECT setval('tickets_id_seq', 0, false);
SELECT setval('labels_id_seq', -5, true);
-- PERFORM in a DO block runs the same SELECT.
DO $$
BEGIN
  PERFORM setval('orders_id_seq', COALESCE(max(id), 0)) FROM orders;
END $$;
