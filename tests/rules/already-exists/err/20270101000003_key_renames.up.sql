CREATE TABLE coupons (id bigint, code text);
ALTER TABLE coupons ADD CONSTRAINT coupons_code_key UNIQUE (code);
ALTER INDEX coupons_code_key RENAME TO coupons_code_uq;
-- the constraint is coupons_code_uq now
ALTER TABLE coupons ADD CONSTRAINT coupons_code_uq UNIQUE (id);
