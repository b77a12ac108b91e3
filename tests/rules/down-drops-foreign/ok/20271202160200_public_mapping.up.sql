-- The mapping FOR PUBLIC is another than the one FOR CURRENT_USER: PostgreSQL keys user
-- mappings by (user, server), PUBLIC being a user of its own.
CREATE USER MAPPING IF NOT EXISTS FOR PUBLIC SERVER loopback;
