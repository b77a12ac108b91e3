ALTER TABLE vendor_sites DROP CONSTRAINT IF EXISTS vendor_sites_pkey;
