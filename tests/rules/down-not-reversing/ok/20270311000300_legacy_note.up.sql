-- A table without children: ONLY changes nothing.
CREATE TABLE measurement_note (id bigint);
