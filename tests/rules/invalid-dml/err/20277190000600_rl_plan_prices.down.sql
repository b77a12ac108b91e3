-- sqlgate:irreversible prices are data
SELECT 1;
