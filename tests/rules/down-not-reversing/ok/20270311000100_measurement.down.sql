DROP TABLE measurement_2026;
DROP TABLE measurement;
