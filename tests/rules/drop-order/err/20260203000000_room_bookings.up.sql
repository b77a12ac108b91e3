CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE IF NOT EXISTS room_bookings (id bigint PRIMARY KEY, room_id bigint, during tstzrange);
ALTER TABLE room_bookings ADD CONSTRAINT room_bookings_no_overlap
    EXCLUDE USING gist (room_id WITH =, during WITH &&);
CREATE TABLE IF NOT EXISTS desk_bookings (
    desk_id integer,
    during tstzrange,
    EXCLUDE USING gist (desk_id WITH =, during WITH &&)
);
