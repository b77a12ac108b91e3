DROP TYPE IF EXISTS pr_daterange;
DROP FUNCTION IF EXISTS pr_date_diff(date, date);
DROP TYPE IF EXISTS pr_intrange;
DROP TYPE IF EXISTS pr_floatrange;
DROP TABLE IF EXISTS pr_paths;
