-- sqlgate:irreversible enum values cannot be removed
SELECT 1;
