DROP TABLE IF EXISTS gc_profiles;
