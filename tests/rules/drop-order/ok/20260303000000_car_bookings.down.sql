ALTER TABLE car_bookings DROP CONSTRAINT IF EXISTS car_bookings_no_overlap;
DROP EXTENSION IF EXISTS btree_gist;
DROP TABLE IF EXISTS car_bookings;
