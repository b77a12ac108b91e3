COMMENT ON CONSTRAINT bookings_capacity_check ON bookings IS NULL;
