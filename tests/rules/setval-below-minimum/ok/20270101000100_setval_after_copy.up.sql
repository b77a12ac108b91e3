-- The next value max + 1, and 1 on an empty table.
SELECT setval('orders_id_seq', COALESCE(max(id), 0) + 1, false) FROM orders;
SELECT setval('invoices_id_seq', COALESCE((SELECT max(id) FROM invoices), 1));
SELECT setval('notes_id_seq', GREATEST((SELECT max(id) FROM notes), 1));
-- NULL leaves the sequence as it is (setval is strict).
SELECT setval('tickets_id_seq', (SELECT max(id) FROM tickets));
-- A sequence given its own minimum.
CREATE SEQUENCE IF NOT EXISTS counters_seq MINVALUE 0;
SELECT setval('counters_seq', COALESCE((SELECT max(n) FROM counters), 0));
