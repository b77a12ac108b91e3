DROP TABLE IF EXISTS ref_tags, ref_times, ref_strings, ref_amount, ref_big, ref_small;
DROP TABLE IF EXISTS keyed;
