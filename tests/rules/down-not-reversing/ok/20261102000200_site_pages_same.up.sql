-- the definition it has already: nothing changes
ALTER POLICY site_pages_edit ON site_pages TO cms_editor, cms_admin;
