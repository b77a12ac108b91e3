-- the index stays, as an earlier migration made it
SELECT 1;
