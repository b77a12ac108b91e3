CREATE TABLE IF NOT EXISTS mo_members (email text COLLATE mo_ci NOT NULL, handle text NOT NULL, code text NOT NULL);
-- a deterministic collation for the key; hash's pattern classes accept mo_ci
CREATE INDEX IF NOT EXISTS mo_members_email_prefix_idx ON mo_members ((email COLLATE "C") text_pattern_ops);
CREATE INDEX IF NOT EXISTS mo_members_email_c_idx ON mo_members (email COLLATE "C" text_pattern_ops);
CREATE INDEX IF NOT EXISTS mo_members_email_hash_idx ON mo_members USING hash (email text_pattern_ops);
CREATE INDEX IF NOT EXISTS mo_members_email_idx ON mo_members (email);
CREATE INDEX IF NOT EXISTS mo_members_handle_prefix_idx ON mo_members (handle text_pattern_ops);
CREATE INDEX IF NOT EXISTS mo_members_code_prefix_idx ON mo_members (code COLLATE "C" text_pattern_ops);
