DROP TABLE closures;
DROP TABLE reservations;
