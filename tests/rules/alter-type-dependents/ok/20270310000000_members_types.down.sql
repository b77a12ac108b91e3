ALTER TABLE members ALTER COLUMN code TYPE varchar(20);
ALTER TABLE members ALTER COLUMN handle TYPE text;
ALTER TABLE members ALTER COLUMN card_number TYPE varchar(20);
