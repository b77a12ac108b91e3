-- Added USING INDEX before, with its columns now: the same key.
ALTER TABLE members ADD CONSTRAINT members_email_key UNIQUE (email);
