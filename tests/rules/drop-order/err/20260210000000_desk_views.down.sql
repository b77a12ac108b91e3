-- Views that read the columns through * and through an unqualified name in a join: DROP COLUMN
-- is refused while they are there (verified on PostgreSQL 15)
ALTER TABLE hot_desks DROP COLUMN IF EXISTS floor;
ALTER TABLE desk_bookings DROP COLUMN IF EXISTS booked_on;
DROP VIEW IF EXISTS desk_booking_days;
DROP VIEW IF EXISTS hot_desk_list;
DROP TABLE IF EXISTS desk_bookings;
DROP TABLE IF EXISTS hot_desks;
