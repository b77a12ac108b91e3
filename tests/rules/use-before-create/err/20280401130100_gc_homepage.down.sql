-- sqlgate:ignore guard-rename -- renamed once
ALTER TABLE gc_profiles RENAME COLUMN homepage_url TO website;
