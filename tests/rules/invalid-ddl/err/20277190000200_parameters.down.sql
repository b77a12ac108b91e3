DROP TYPE IF EXISTS pr_daterange;
DROP TYPE IF EXISTS pr_floatrange;
DROP TYPE IF EXISTS pr_bigrange;
DROP TABLE IF EXISTS pr_paths;
