ALTER TABLE subscribers DROP CONSTRAINT IF EXISTS subscribers_email_lower_key;
