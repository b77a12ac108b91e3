DROP TABLE IF EXISTS float_bands;
DROP TYPE IF EXISTS floatrange, floatmultirange;
DROP TYPE IF EXISTS frs, fr;
DROP TYPE IF EXISTS "RangeX";
