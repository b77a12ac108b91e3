DROP TABLE IF EXISTS customers;
DROP DOMAIN IF EXISTS maybe_text, loose_percent, percent, short_text, any_text, email_addr;
