-- sqlgate:irreversible the types are not changed back
SELECT 1;
