TRUNCATE order_imports CASCADE;
