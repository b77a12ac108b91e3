-- The old CHECK back NOT VALID, then validated.
ALTER TABLE nv_flips DROP CONSTRAINT nv_flips_body_check;
ALTER TABLE nv_flips ADD CONSTRAINT nv_flips_body_check CHECK (length(body) <= 180) NOT VALID;
ALTER TABLE nv_flips VALIDATE CONSTRAINT nv_flips_body_check;
