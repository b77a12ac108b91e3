-- sqlgate:runonce backfill of the new column
UPDATE users SET email = lower(email);
/* sqlgate:no-transation */
SELECT 1;
