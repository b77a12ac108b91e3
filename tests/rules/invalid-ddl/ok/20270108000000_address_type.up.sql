CREATE TYPE address AS (street text, zip text);
CREATE TYPE geo_point AS (lat float8, lon float8);
CREATE TYPE place AS (name text, point geo_point);
CREATE TABLE contact (id bigint PRIMARY KEY, addr address, home geo_point);
-- Attributes added, renamed or dropped: the rows need no rewrite.
ALTER TYPE address ADD ATTRIBUTE city text;
ALTER TYPE address RENAME ATTRIBUTE street TO street_line;
ALTER TYPE address DROP ATTRIBUTE city;
-- No table's column has the type any more (another composite type does not count).
ALTER TABLE contact DROP COLUMN home;
ALTER TYPE geo_point ALTER ATTRIBUTE lat TYPE numeric;
-- A new type, and the column moved to it.
CREATE TYPE address_v2 AS (street_line text, zip varchar(10));
ALTER TABLE contact ALTER COLUMN addr TYPE address_v2 USING ROW((addr).street_line, (addr).zip)::address_v2;
ALTER TYPE address ALTER ATTRIBUTE zip TYPE varchar(10);
