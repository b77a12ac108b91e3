-- The old CHECK back, but NOT VALID: after the down it is not validated, where it was.
ALTER TABLE nv_flips DROP CONSTRAINT nv_flips_body_check;
ALTER TABLE nv_flips ADD CONSTRAINT nv_flips_body_check CHECK (length(body) <= 180) NOT VALID;
