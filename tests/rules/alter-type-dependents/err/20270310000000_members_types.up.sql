-- The rebuilt index keeps an operator class that is no type's default.
ALTER TABLE members ALTER COLUMN card_number TYPE integer USING card_number::integer;
ALTER TABLE members ALTER COLUMN handle TYPE char(40);
ALTER TABLE members ALTER COLUMN tier TYPE member_tier USING tier::member_tier;
ALTER TABLE members ALTER COLUMN profile TYPE json;
