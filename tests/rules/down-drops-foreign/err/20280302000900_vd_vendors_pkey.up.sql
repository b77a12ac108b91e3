ALTER TABLE vd_vendors ADD CONSTRAINT vd_vendors_pkey PRIMARY KEY (email);
