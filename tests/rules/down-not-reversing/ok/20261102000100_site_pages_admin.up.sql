ALTER POLICY site_pages_read ON site_pages
  USING (site_id = current_setting('cms.site_id', true)::bigint OR current_setting('cms.admin', true) = 'on');
ALTER POLICY site_pages_edit ON site_pages TO cms_editor, cms_admin WITH CHECK (site_id > 1);
