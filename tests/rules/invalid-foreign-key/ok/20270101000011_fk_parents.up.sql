CREATE TABLE fk_parents (id integer PRIMARY KEY, code text UNIQUE, region int, num int);
ALTER TABLE fk_parents ADD CONSTRAINT fk_parents_region_num_key UNIQUE (region, num);
CREATE TABLE fk_children (
  id bigint PRIMARY KEY,
  parent_id integer REFERENCES fk_parents,
  parent_code varchar(20),
  region int,
  num int,
  FOREIGN KEY (region, num) REFERENCES fk_parents (region, num)
);
ALTER TABLE fk_children ADD CONSTRAINT fk_children_code_fk
  FOREIGN KEY (parent_code) REFERENCES fk_parents (code);
