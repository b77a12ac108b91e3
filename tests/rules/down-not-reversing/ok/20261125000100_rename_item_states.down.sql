ALTER TYPE item_state RENAME VALUE 'deleted' TO 'gone';
ALTER TYPE item_state RENAME VALUE 'archived' TO 'old';
