-- bulk imports are done; check capacity at each statement again
ALTER TABLE bookings ALTER CONSTRAINT bookings_capacity_check NOT DEFERRABLE;
