ALTER POLICY site_pages_read ON site_pages TO PUBLIC
  USING ((site_id = (current_setting('cms.site_id'::text, true))::bigint));
-- made again as it was
DROP POLICY IF EXISTS site_pages_edit ON site_pages;
CREATE POLICY site_pages_edit ON site_pages TO cms_editor USING (true) WITH CHECK (site_id > 0);
