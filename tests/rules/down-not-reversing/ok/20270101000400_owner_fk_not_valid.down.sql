ALTER TABLE nv_flips VALIDATE CONSTRAINT nv_flips_owner_fk;
