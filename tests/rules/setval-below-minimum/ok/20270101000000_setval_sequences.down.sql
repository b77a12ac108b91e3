DROP TABLE IF EXISTS sv_orders, sv_small, sv_tickets, sv_big;
DROP SEQUENCE IF EXISTS sv_floor_seq, sv_down_seq, sv_int_seq;
