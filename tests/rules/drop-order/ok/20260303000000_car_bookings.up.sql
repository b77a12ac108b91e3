CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE IF NOT EXISTS car_bookings (id bigint PRIMARY KEY, car_id bigint, during tstzrange);
-- A range column takes PostgreSQL's own range_ops under gist.
CREATE INDEX IF NOT EXISTS car_bookings_during_idx ON car_bookings USING gist (during);
ALTER TABLE car_bookings ADD CONSTRAINT car_bookings_no_overlap
    EXCLUDE USING gist (car_id WITH =, during WITH &&);
