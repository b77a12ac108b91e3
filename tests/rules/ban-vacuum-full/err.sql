VACUUM FULL orders;
VACUUM (FULL, ANALYZE) public.orders, customers;
VACUUM FULL;
