-- customer and count were there before (count(*) is named count); refreshed_at is new
ALTER TABLE cat_totals ALTER COLUMN customer DROP DEFAULT;
