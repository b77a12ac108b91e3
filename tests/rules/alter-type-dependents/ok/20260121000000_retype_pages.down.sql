-- sqlgate:irreversible the type is not changed back
SELECT 1;
