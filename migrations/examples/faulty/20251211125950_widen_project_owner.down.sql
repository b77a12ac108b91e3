-- sqlgate:irreversible owner ids past 2^31 would not fit back
SELECT 1;
