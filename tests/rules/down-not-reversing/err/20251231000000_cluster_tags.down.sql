-- The clustering mark CLUSTER ... USING left stays (warning).
SELECT 1;
