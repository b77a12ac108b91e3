-- Nothing: the foreign key stays NOT VALID.
SELECT 1;
