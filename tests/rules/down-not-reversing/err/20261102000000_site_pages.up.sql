CREATE TABLE IF NOT EXISTS site_pages (id bigint PRIMARY KEY, site_id bigint NOT NULL);
ALTER TABLE site_pages ENABLE ROW LEVEL SECURITY;
CREATE POLICY site_pages_read ON site_pages USING (site_id = current_setting('cms.site_id', true)::bigint);
CREATE POLICY site_pages_edit ON site_pages TO cms_editor USING (true) WITH CHECK (site_id > 0);
