CREATE INDEX IF NOT EXISTS order_facts_ordered_on_idx ON reporting.order_facts ((ordered_at::date));
