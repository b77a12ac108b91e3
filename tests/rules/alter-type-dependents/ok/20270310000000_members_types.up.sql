-- Types the operator classes take.
ALTER TABLE members ALTER COLUMN card_number TYPE varchar(40);
ALTER TABLE members ALTER COLUMN handle TYPE varchar(200);
-- text_ops is the column's default operator class: the index's definition leaves it out.
ALTER TABLE members ALTER COLUMN code TYPE integer USING code::integer;
