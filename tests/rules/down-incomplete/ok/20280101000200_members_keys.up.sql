ALTER TABLE members ADD CONSTRAINT members_pkey PRIMARY KEY (id);
ALTER TABLE members ADD CONSTRAINT members_email_key UNIQUE (email);
