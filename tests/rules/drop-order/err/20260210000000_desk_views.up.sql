CREATE TABLE IF NOT EXISTS hot_desks (id bigint PRIMARY KEY, label text NOT NULL);
ALTER TABLE hot_desks ADD COLUMN IF NOT EXISTS floor integer;
CREATE OR REPLACE VIEW hot_desk_list AS SELECT * FROM hot_desks;
CREATE TABLE IF NOT EXISTS desk_bookings (id bigint PRIMARY KEY, desk_id bigint NOT NULL, booked_by text);
ALTER TABLE desk_bookings ADD COLUMN IF NOT EXISTS booked_on date;
CREATE OR REPLACE VIEW desk_booking_days AS
  SELECT d.label, booked_on FROM desk_bookings b JOIN hot_desks d ON d.id = b.desk_id;
