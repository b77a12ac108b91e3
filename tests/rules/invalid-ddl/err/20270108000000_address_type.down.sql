DROP TABLE route;
DROP TABLE contact;
DROP DOMAIN shipping_point;
DROP TYPE geo_point;
DROP TYPE address;
