GRANT UPDATE (username, website) ON gc_profiles TO PUBLIC;
