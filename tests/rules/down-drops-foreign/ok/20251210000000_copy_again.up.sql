-- a later migration uses the same name: the earlier down's work table is still its own
CREATE TABLE IF NOT EXISTS order_totals_copy (id int);
