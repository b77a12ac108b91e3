ALTER TABLE bookings DROP COLUMN IF EXISTS title;
DELETE FROM bookings WHERE room_id = 1;
DELETE FROM rooms WHERE id = 1;
