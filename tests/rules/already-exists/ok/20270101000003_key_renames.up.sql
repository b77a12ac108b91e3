-- A key and its index share a name: renaming either renames both, and frees the old name.
CREATE TABLE coupons (id bigint, code text, batch int);
ALTER TABLE coupons ADD CONSTRAINT coupons_code_key UNIQUE (code);
ALTER TABLE coupons RENAME CONSTRAINT coupons_code_key TO coupons_code_uq;
CREATE INDEX coupons_code_key ON coupons (code);
ALTER TABLE coupons ADD CONSTRAINT coupons_batch_key UNIQUE (batch, code);
ALTER INDEX coupons_batch_key RENAME TO coupons_batch_uq;
ALTER TABLE coupons ADD CONSTRAINT coupons_batch_key UNIQUE (batch);
