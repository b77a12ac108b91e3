-- No view reads these columns.
ALTER TABLE lockers DROP COLUMN IF EXISTS size;
ALTER TABLE locker_rents DROP COLUMN IF EXISTS paid;
DROP VIEW IF EXISTS locker_renters;
DROP TABLE IF EXISTS locker_rents;
DROP VIEW IF EXISTS locker_list;
DROP TABLE IF EXISTS lockers;
