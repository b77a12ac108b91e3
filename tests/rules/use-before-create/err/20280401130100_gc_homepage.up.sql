-- sqlgate:ignore guard-rename -- renamed once
ALTER TABLE gc_profiles RENAME COLUMN website TO homepage_url;
