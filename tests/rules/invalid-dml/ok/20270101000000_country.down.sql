DROP TABLE child;
DROP TABLE copy;
DROP TABLE ticket;
DROP TABLE country;
