DROP TABLE page_note;
DROP TABLE page;
