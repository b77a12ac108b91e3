DROP TABLE IF EXISTS labels, tenants, notes, drafts, documents, folders;
