DROP TABLE contact;
DROP TYPE address_v2;
DROP TYPE place;
DROP TYPE geo_point;
DROP TYPE address;
