ALTER POLICY site_pages_edit ON site_pages WITH CHECK (site_id > 1);
