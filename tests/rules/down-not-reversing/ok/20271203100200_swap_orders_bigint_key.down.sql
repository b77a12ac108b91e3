-- The column keeps its name and the sequence: narrowing it back is all that is left.
ALTER TABLE swap_orders ALTER COLUMN id TYPE integer;
ALTER SEQUENCE swap_orders_id_seq AS integer;
