ALTER TABLE nv_department RENAME COLUMN name TO title;
