DROP TABLE IF EXISTS st_documents;
