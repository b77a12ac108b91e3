CREATE TYPE member_role AS ENUM ('admin', 'editor', 'viewer');
CREATE DOMAIN member_label AS text;
CREATE TABLE IF NOT EXISTS members (id bigint PRIMARY KEY, roles member_role[] NOT NULL DEFAULT '{viewer}', labels member_label[] NOT NULL DEFAULT '{new}', flags member_role[] NOT NULL DEFAULT '{admin}');
