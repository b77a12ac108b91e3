-- A domain with a CHECK or NOT NULL: PostgreSQL writes the table anew to check every row.
ALTER TABLE customers ALTER COLUMN score TYPE percent;
ALTER TABLE customers ALTER COLUMN nick TYPE required_text;
-- Its base domain's CHECK counts too.
ALTER TABLE customers ALTER COLUMN score TYPE strict_percent;
-- A CHECK added later, NOT VALID or not, counts from then on.
ALTER DOMAIN email_addr ADD CONSTRAINT email_addr_check CHECK (VALUE LIKE '%@%') NOT VALID;
ALTER TABLE customers ALTER COLUMN email TYPE email_addr;
-- A domain without constraints converts as its base type.
ALTER TABLE customers ALTER COLUMN code TYPE code_100;
ALTER TABLE customers ALTER COLUMN total TYPE big_total;
