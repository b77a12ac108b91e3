CREATE TYPE member_role AS ENUM ('admin', 'editor', 'viewer');
CREATE TABLE IF NOT EXISTS members (id bigint PRIMARY KEY, roles member_role[] NOT NULL DEFAULT '{viewer}', badges member_role ARRAY NOT NULL DEFAULT '{}', titles text[] NOT NULL DEFAULT '{viewer}', main_roles member_role[] NOT NULL DEFAULT '{admin}');
