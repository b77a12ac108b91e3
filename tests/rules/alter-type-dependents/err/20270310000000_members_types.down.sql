ALTER TABLE members ALTER COLUMN profile TYPE jsonb;
ALTER TABLE members ALTER COLUMN tier TYPE varchar(10);
ALTER TABLE members ALTER COLUMN handle TYPE text;
ALTER TABLE members ALTER COLUMN card_number TYPE varchar(20);
