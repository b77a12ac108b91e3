-- Generated columns declared in CREATE TABLE, one before the columns it reads.
CREATE TABLE IF NOT EXISTS bin_stock (
    item_id   bigint PRIMARY KEY,
    available integer GENERATED ALWAYS AS (on_hand - reserved) STORED,
    on_hand   integer NOT NULL DEFAULT 0,
    reserved  integer NOT NULL DEFAULT 0,
    weight_g  integer,
    weight_kg numeric GENERATED ALWAYS AS (weight_g / 1000.0) STORED
);
