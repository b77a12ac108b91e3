REVOKE UPDATE (username, homepage_url) ON gc_profiles FROM PUBLIC;
