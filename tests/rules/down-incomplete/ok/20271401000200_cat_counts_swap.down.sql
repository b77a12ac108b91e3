ALTER TABLE cat_events_copy DROP CONSTRAINT IF EXISTS cat_events_copy_v2_pkey;
ALTER TABLE cat_events_copy ALTER COLUMN kind DROP NOT NULL;
ALTER TABLE cat_kind_counts DROP COLUMN IF EXISTS refreshed_at;
ALTER TABLE cat_kind_counts ALTER COLUMN n DROP DEFAULT;
ALTER TABLE cat_kind_counts ALTER COLUMN n DROP NOT NULL;
ALTER TABLE cat_kind_counts DROP CONSTRAINT IF EXISTS cat_kind_counts_v2_pkey;
ALTER TABLE cat_kind_counts ALTER COLUMN kind DROP NOT NULL;
