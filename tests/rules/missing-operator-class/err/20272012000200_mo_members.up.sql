CREATE TABLE IF NOT EXISTS mo_members (email text COLLATE mo_ci NOT NULL, handle text NOT NULL, nick varchar(40) NOT NULL);
CREATE INDEX IF NOT EXISTS mo_members_email_prefix_idx ON mo_members (email text_pattern_ops);
CREATE INDEX IF NOT EXISTS mo_members_nick_prefix_idx ON mo_members (nick COLLATE mo_ci varchar_pattern_ops);
CREATE INDEX IF NOT EXISTS mo_members_handle_prefix_idx ON mo_members (handle text_pattern_ops);
