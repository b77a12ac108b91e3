-- the owned sequences (bigserial, identity) move with the table, and back with it
ALTER TABLE finance.items SET SCHEMA public;
ALTER SEQUENCE public.items_n_seq RESTART WITH 1000;
