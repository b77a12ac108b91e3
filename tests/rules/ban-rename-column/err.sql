ALTER TABLE orders RENAME COLUMN total TO amount;
ALTER TABLE IF EXISTS public.users RENAME email TO email_address;
