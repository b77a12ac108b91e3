-- nothing taken back
SELECT 1;
