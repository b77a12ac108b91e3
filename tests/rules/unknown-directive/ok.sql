-- Only a comment that starts with "sqlgate:" is a directive: see sqlgate: docs.
-- sqlgate:run-once backfill of the new column
UPDATE users SET email = lower(email);
SELECT '-- sqlgate:bogus is in a string, not a comment';
