-- sqlgate:irreversible the funnel is made again as it was
SELECT 1;
