-- Columns that views read through *, a join's ON and USING, an unqualified name in a join
-- and a NATURAL JOIN: PostgreSQL refuses each.
ALTER TABLE desks ALTER COLUMN label TYPE varchar(40);
ALTER TABLE rooms ALTER COLUMN name TYPE varchar(80);
ALTER TABLE bookings ALTER COLUMN starts_at TYPE timestamp;
ALTER TABLE bookings ALTER COLUMN room_id TYPE integer;
ALTER TABLE zones ALTER COLUMN zone_no TYPE bigint;
ALTER TABLE seats ALTER COLUMN zone_no TYPE bigint;
ALTER TABLE parts ALTER COLUMN part_no TYPE bigint;
ALTER TABLE stock ALTER COLUMN qty TYPE bigint;
