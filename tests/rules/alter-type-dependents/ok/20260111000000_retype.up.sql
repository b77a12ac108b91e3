-- Columns no view reads: added after the SELECT * view, or not named by the join views.
ALTER TABLE desks ADD COLUMN IF NOT EXISTS code text;
ALTER TABLE desks ALTER COLUMN code TYPE varchar(10);
ALTER TABLE rooms ALTER COLUMN floor TYPE bigint;
ALTER TABLE bookings ALTER COLUMN note TYPE varchar(200);
ALTER TABLE seats ALTER COLUMN color TYPE varchar(20);
ALTER TABLE parts ALTER COLUMN weight TYPE bigint;
ALTER TABLE parts ALTER COLUMN color TYPE varchar(20);
