-- USAGE, which PUBLIC held before the up (20271127150200 granted it), is not granted back.
SELECT 1;
