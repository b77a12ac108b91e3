-- 'archived' is left, 'removed' is renamed to a third label
ALTER TYPE item_state RENAME VALUE 'removed' TO 'deleted';
