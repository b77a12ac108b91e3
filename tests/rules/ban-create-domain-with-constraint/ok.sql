CREATE DOMAIN label AS text;
CREATE DOMAIN amount AS numeric(12,2) DEFAULT 0 COLLATE "C";
CREATE DOMAIN maybe_count AS integer NULL;
