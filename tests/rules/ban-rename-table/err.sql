ALTER TABLE orders RENAME TO purchases;
ALTER TABLE IF EXISTS public.users RENAME TO accounts;
