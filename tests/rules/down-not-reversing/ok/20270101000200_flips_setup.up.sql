CREATE TABLE nv_owners (id bigint PRIMARY KEY);
CREATE TABLE nv_flips (id bigint PRIMARY KEY, body text NOT NULL CHECK (length(body) <= 180),
    owner_id bigint, CONSTRAINT nv_flips_owner_fk FOREIGN KEY (owner_id) REFERENCES nv_owners);
ALTER TABLE nv_flips ADD CONSTRAINT nv_flips_id_check CHECK (id > 0) NOT VALID;
