ALTER TYPE order_state ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';
ALTER TYPE order_state ADD VALUE 'draft' BEFORE 'new';
ALTER TYPE order_state RENAME VALUE 'archived' TO 'closed';
