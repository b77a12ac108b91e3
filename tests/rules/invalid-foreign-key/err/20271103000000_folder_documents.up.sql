CREATE TABLE IF NOT EXISTS folders (tenant_id bigint, id bigint, PRIMARY KEY (tenant_id, id));
-- ON DELETE SET NULL (columns) names a column outside the key.
CREATE TABLE IF NOT EXISTS documents (
  tenant_id bigint NOT NULL,
  folder_id bigint,
  title text,
  FOREIGN KEY (tenant_id, folder_id) REFERENCES folders ON DELETE SET NULL (title)
);
-- A column the table has not.
CREATE TABLE IF NOT EXISTS drafts (
  tenant_id bigint NOT NULL,
  folder_id bigint,
  FOREIGN KEY (tenant_id, folder_id) REFERENCES folders ON DELETE SET DEFAULT (subject)
);
CREATE TABLE IF NOT EXISTS notes (tenant_id bigint NOT NULL, folder_id bigint, body text);
ALTER TABLE notes DROP CONSTRAINT IF EXISTS notes_folder_fk;
ALTER TABLE notes ADD CONSTRAINT notes_folder_fk FOREIGN KEY (tenant_id, folder_id) REFERENCES folders (tenant_id, id) ON DELETE SET NULL (body) NOT VALID;
CREATE TABLE IF NOT EXISTS tenants (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS labels (tenant_id bigint REFERENCES tenants ON DELETE SET NULL (name), name text);
