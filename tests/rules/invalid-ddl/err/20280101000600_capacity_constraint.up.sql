ALTER TABLE bookings VALIDATE CONSTRAINT bookings_capacity_check;
ALTER TABLE bookings DROP CONSTRAINT bookings_capacity_check;
