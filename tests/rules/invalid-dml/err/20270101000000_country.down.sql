DROP TABLE ticket;
DROP TABLE country;
