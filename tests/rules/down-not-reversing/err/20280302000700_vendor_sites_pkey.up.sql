ALTER TABLE vendor_sites ADD CONSTRAINT vendor_sites_pkey PRIMARY KEY (site_no, vendor_code);
