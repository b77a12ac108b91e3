-- sqlgate:irreversible the old enum is gone with its labels
SELECT 1;
