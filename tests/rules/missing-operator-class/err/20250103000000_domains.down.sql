DROP TABLE IF EXISTS subscribers;
DROP DOMAIN IF EXISTS email_address;
