DROP INDEX IF EXISTS reporting.order_facts_ordered_on_idx;
