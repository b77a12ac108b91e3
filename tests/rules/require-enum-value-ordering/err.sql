ALTER TYPE order_state ADD VALUE IF NOT EXISTS 'refunded';
ALTER TYPE public.order_state ADD VALUE 'archived';
