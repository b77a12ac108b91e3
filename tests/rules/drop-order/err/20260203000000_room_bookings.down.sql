-- Both exclusion constraints use btree_gist's operator classes for their integer columns.
DROP EXTENSION IF EXISTS btree_gist;
DROP TABLE IF EXISTS desk_bookings;
ALTER TABLE room_bookings DROP CONSTRAINT IF EXISTS room_bookings_no_overlap;
DROP TABLE IF EXISTS room_bookings;
