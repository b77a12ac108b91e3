ALTER TABLE nv_flips DROP CONSTRAINT nv_flips_id_check;
ALTER TABLE nv_flips ADD CONSTRAINT nv_flips_id_check CHECK (id > 0) NOT VALID;
