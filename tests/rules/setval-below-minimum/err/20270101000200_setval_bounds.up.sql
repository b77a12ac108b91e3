-- A constant out of the sequence's bounds, as the migrations made it: above MAXVALUE (a serial's
-- integer, a smallint identity's, an identity's own MAXVALUE, AS integer), below MINVALUE.
SELECT setval('sv_orders_id_seq', 3000000000);
SELECT setval(pg_get_serial_sequence('sv_small', 'id'), 40000, false);
SELECT setval(pg_get_serial_sequence('public.sv_tickets', 'id'), 100000);
SELECT setval('sv_floor_seq', 50);
SELECT setval('public.sv_int_seq'::regclass, 2147483648);
SELECT setval('sv_down_seq', 1);
SELECT setval('sv_tickets_id_seq', 0);
