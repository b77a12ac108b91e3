-- The same foreign key again, NOT VALID to skip the scan.
ALTER TABLE nv_flips DROP CONSTRAINT nv_flips_owner_fk;
ALTER TABLE nv_flips ADD CONSTRAINT nv_flips_owner_fk FOREIGN KEY (owner_id) REFERENCES nv_owners
    NOT VALID;
