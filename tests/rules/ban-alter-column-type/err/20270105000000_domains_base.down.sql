DROP TABLE IF EXISTS customers;
DROP DOMAIN IF EXISTS big_total, code_100, strict_percent, email_addr, required_text, percent;
