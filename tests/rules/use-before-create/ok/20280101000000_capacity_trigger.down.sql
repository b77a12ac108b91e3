DROP TRIGGER IF EXISTS bookings_capacity_check ON bookings;
DROP FUNCTION IF EXISTS bookings_check_capacity();
DROP TABLE IF EXISTS bookings;
DROP TABLE IF EXISTS rooms;
