ALTER TABLE nv_flips DROP CONSTRAINT nv_flips_body_check;
ALTER TABLE nv_flips ADD CONSTRAINT nv_flips_body_check CHECK (length(body) <= 280) NOT VALID;
