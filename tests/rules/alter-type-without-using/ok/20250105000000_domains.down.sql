DROP TABLE IF EXISTS contacts;
DROP DOMAIN IF EXISTS positive_count;
DROP DOMAIN IF EXISTS email_address;
