-- sqlgate:irreversible the MODERATOR value is gone
SELECT 1;
