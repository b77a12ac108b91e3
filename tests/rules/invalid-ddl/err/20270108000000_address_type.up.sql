CREATE TYPE address AS (street text, zip text);
CREATE TYPE geo_point AS (lat float8, lon float8);
CREATE DOMAIN shipping_point AS geo_point;
CREATE TABLE contact (id bigint PRIMARY KEY, addr address);
CREATE TABLE route (id bigint PRIMARY KEY, stops shipping_point[]);
-- a table's column has the type (through a domain, as an array): with CASCADE too
ALTER TYPE address ALTER ATTRIBUTE zip TYPE varchar(10);
ALTER TYPE geo_point ALTER ATTRIBUTE lat TYPE numeric CASCADE;
