ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
-- A CHECK that is still NOT VALID proves nothing.
ALTER TABLE orders ADD CONSTRAINT orders_state_not_null CHECK (state IS NOT NULL) NOT VALID;
ALTER TABLE orders ALTER COLUMN state SET NOT NULL;
-- A validated CHECK on another column proves nothing about this one.
ALTER TABLE public.users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL);
ALTER TABLE public.users ALTER email SET NOT NULL, ALTER name SET NOT NULL;
-- NOT NULL dropped before: set again, it scans.
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
