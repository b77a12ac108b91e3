ALTER TABLE fk_children ALTER COLUMN parent_code TYPE varchar(20);
ALTER TABLE fk_children ADD CONSTRAINT fk_children_code_fk
  FOREIGN KEY (parent_code) REFERENCES fk_parents (code);
ALTER TABLE fk_parents ALTER COLUMN num TYPE int;
ALTER TABLE fk_parents ALTER COLUMN id TYPE integer;
ALTER TABLE fk_children ALTER COLUMN parent_id TYPE integer;
