CREATE TABLE IF NOT EXISTS folders (tenant_id bigint, id bigint, PRIMARY KEY (tenant_id, id));
-- ON DELETE SET NULL (columns) of the key's own columns: the tenant stays, the folder goes.
CREATE TABLE IF NOT EXISTS documents (
  tenant_id bigint NOT NULL,
  folder_id bigint,
  title text,
  FOREIGN KEY (tenant_id, folder_id) REFERENCES folders ON DELETE SET NULL (folder_id)
);
ALTER TABLE documents DROP CONSTRAINT IF EXISTS documents_folder_fk;
ALTER TABLE documents ADD CONSTRAINT documents_folder_fk FOREIGN KEY (tenant_id, folder_id) REFERENCES folders (tenant_id, id) ON DELETE SET DEFAULT (FOLDER_ID) NOT VALID;
