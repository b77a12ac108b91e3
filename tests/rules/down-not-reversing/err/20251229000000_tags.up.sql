CREATE TABLE IF NOT EXISTS tags (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS post_tags (
  post_id bigint NOT NULL,
  tag_id bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  CONSTRAINT post_tags_pair_key UNIQUE (post_id, tag_id)
);
CREATE INDEX IF NOT EXISTS post_tags_tag_idx ON post_tags (tag_id);
