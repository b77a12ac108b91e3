-- sqlgate:irreversible the sequence position before the reset is not known
SELECT 1;
