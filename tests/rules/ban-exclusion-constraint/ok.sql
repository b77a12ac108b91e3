-- With the table, before it has rows.
CREATE TABLE IF NOT EXISTS reservations (room_id bigint, during tstzrange);
ALTER TABLE reservations ADD CONSTRAINT reservations_no_overlap
  EXCLUDE USING gist (room_id WITH =, during WITH &&);
-- Other constraints are other rules' concern.
ALTER TABLE bookings ADD CONSTRAINT bookings_room_fk FOREIGN KEY (room_id) REFERENCES rooms (id) NOT VALID;
