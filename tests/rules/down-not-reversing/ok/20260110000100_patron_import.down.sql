DROP TABLE IF EXISTS legacy_patrons;
