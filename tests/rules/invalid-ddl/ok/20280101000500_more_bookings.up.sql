-- bookings has rows from an earlier migration: the guard may find the row, and add none.
INSERT INTO bookings (room_id, attendees)
SELECT 1, 4 WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE room_id = 1);
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS note text;
