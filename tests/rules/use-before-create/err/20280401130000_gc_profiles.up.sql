CREATE TABLE IF NOT EXISTS gc_profiles (id uuid PRIMARY KEY, username text, website text);
