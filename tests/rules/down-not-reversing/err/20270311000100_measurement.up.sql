CREATE TABLE measurement (id bigint, logdate date NOT NULL);
CREATE TABLE measurement_2026 () INHERITS (measurement);
