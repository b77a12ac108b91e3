-- The columns are back, but not the unique key, the index or the foreign key's CASCADE.
CREATE TABLE IF NOT EXISTS post_tags (
  post_id bigint NOT NULL,
  tag_id bigint NOT NULL REFERENCES tags (id)
);
