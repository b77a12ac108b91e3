ALTER TYPE item_state RENAME VALUE 'old' TO 'archived';
ALTER TYPE item_state RENAME VALUE 'gone' TO 'removed';
ALTER TYPE item_state RENAME VALUE 'removed' TO 'deleted';
