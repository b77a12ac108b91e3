DROP TABLE IF EXISTS legacy_patrons;
DROP TABLE IF EXISTS staged_patrons;
