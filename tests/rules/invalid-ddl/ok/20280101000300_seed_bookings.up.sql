INSERT INTO rooms (id, capacity) VALUES (1, 8) ON CONFLICT (id) DO NOTHING;
ALTER TABLE rooms ADD COLUMN IF NOT EXISTS floor integer;
INSERT INTO bookings (room_id, attendees)
SELECT 1, 4 WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE room_id = 1);
-- The pending checks run here, and the table is free again.
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS title text;
