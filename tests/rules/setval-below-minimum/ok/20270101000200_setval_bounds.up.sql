-- Constants in bounds: a descending sequence's negative values, MAXVALUE, MINVALUE.
SELECT setval('sv_down_seq', -5);
SELECT setval(pg_get_serial_sequence('sv_tickets', 'id'), 99999);
SELECT setval('sv_floor_seq', 100);
SELECT setval('sv_orders_id_seq', 2147483647);
SELECT setval('sv_big_id_seq', 9000000000);
