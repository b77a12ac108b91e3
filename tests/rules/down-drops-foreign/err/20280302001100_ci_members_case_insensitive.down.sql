-- CASCADE because the plain DROP is refused: it takes the column the first migration made, with
-- its data ("drop cascades to column username of table ci_members"). The down should give the
-- column its collation back first.
DROP COLLATION IF EXISTS ci_case_insensitive CASCADE;
