-- sqlgate:irreversible the old enum's rows are rewritten
SELECT 1;
