-- Nothing to undo: the up only read data.
SELECT 1;
