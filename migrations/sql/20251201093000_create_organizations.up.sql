-- Organizations and their members. Removing an organization or a user removes the membership.
CREATE TABLE IF NOT EXISTS organizations (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    slug        text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS members (
    organization_id  bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id          bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role             text        NOT NULL DEFAULT 'member'
                                 CONSTRAINT members_role_check CHECK (role IN ('owner', 'admin', 'member')),
    joined_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id)
);

-- The primary key serves lookups by organization; this one serves "my organizations".
CREATE INDEX IF NOT EXISTS members_user_id_idx ON members (user_id);
