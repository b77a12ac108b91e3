DROP TABLE IF EXISTS documents, folders;
