CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE "RangeX" AS RANGE (subtype = int4);
CREATE TYPE fr AS RANGE (subtype = float8, multirange_type_name = frs);
CREATE TABLE IF NOT EXISTS float_bands (
    id bigint PRIMARY KEY,
    weights floatmultirange NOT NULL,
    xs "RangeX_multirange"
);
