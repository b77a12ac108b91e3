CREATE EXTENSION IF NOT EXISTS btree_gist;
-- =, <>, && and -|- are their own commutators.
CREATE TABLE price_periods (
    product_id bigint NOT NULL,
    valid      daterange NOT NULL,
    CONSTRAINT price_periods_no_overlap EXCLUDE USING gist (product_id WITH =, valid WITH &&)
);
CREATE TABLE shifts (worker_id bigint NOT NULL, during tstzrange NOT NULL, area box);
ALTER TABLE shifts ADD CONSTRAINT shifts_not_adjacent EXCLUDE USING gist (worker_id WITH <>, during WITH -|-);
ALTER TABLE shifts ADD CONSTRAINT shifts_same_area EXCLUDE USING gist (area WITH ~=);
