CREATE TABLE page (id bigint PRIMARY KEY, search tsvector, period int4range, slug text);
CREATE INDEX page_slug ON page USING btree (slug);
CREATE INDEX page_period ON page USING gist (period);
CREATE INDEX page_lower_slug ON page (lower(slug));
ALTER TABLE page CLUSTER ON page_slug;
ALTER TABLE page CLUSTER ON page_period;
ALTER TABLE page CLUSTER ON page_pkey;
ALTER TABLE page CLUSTER ON page_lower_slug;
CLUSTER page USING page_slug;
