CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE price_periods (
    product_id bigint NOT NULL,
    valid      daterange NOT NULL,
    CONSTRAINT price_periods_no_nesting EXCLUDE USING gist (valid WITH <@)
);
CREATE TABLE shifts (worker_id bigint NOT NULL, during tstzrange NOT NULL);
ALTER TABLE shifts ADD CONSTRAINT shifts_contained EXCLUDE USING gist (worker_id WITH =, during WITH @>);
ALTER TABLE shifts ADD CONSTRAINT shifts_ordered EXCLUDE USING btree (worker_id WITH <);
ALTER TABLE shifts ADD CONSTRAINT shifts_before EXCLUDE USING gist (during WITH OPERATOR(pg_catalog.<<));
