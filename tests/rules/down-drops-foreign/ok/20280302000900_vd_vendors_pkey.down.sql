-- the key set legacy_id NOT NULL, and dropping it leaves it so: the down takes the NOT NULL back
ALTER TABLE vd_vendors DROP CONSTRAINT IF EXISTS vd_vendors_pkey;
ALTER TABLE vd_vendors ALTER COLUMN legacy_id DROP NOT NULL;
