-- "INSTEAD OF triggers must be FOR EACH ROW"
CREATE OR REPLACE TRIGGER fx_catalog_ins INSTEAD OF INSERT ON fx_catalog FOR EACH STATEMENT EXECUTE FUNCTION fx_audit();
-- "OLD TABLE name and NEW TABLE name cannot be the same"
CREATE OR REPLACE TRIGGER fx_products_upd AFTER UPDATE ON fx_products REFERENCING OLD TABLE AS rows NEW TABLE AS rows FOR EACH STATEMENT EXECUTE FUNCTION fx_audit();
-- "NEW TABLE cannot be specified multiple times"
CREATE OR REPLACE TRIGGER fx_products_upd AFTER UPDATE ON fx_products REFERENCING NEW TABLE AS a NEW TABLE AS b FOR EACH STATEMENT EXECUTE FUNCTION fx_audit();
-- "ROW variable naming in the REFERENCING clause is not supported"
CREATE OR REPLACE TRIGGER fx_products_upd AFTER UPDATE ON fx_products REFERENCING NEW ROW AS r FOR EACH ROW EXECUTE FUNCTION fx_audit();
-- "fx_catalog" is a view: Triggers on views cannot have transition tables (checked before AFTER)
CREATE OR REPLACE TRIGGER fx_catalog_ins INSTEAD OF INSERT ON fx_catalog REFERENCING NEW TABLE AS inserted FOR EACH ROW EXECUTE FUNCTION fx_audit();
-- "fx_catalog" is a view: Views cannot have TRUNCATE triggers
CREATE OR REPLACE TRIGGER fx_catalog_trunc AFTER TRUNCATE ON fx_catalog FOR EACH STATEMENT EXECUTE FUNCTION fx_audit();
-- "fx_events" is a partitioned table: ROW triggers with transition tables are not supported
CREATE OR REPLACE TRIGGER fx_events_audit AFTER INSERT ON fx_events REFERENCING NEW TABLE AS inserted FOR EACH ROW EXECUTE FUNCTION fx_audit();
-- "ROW triggers with transition tables are not supported on partitions" (made so, or attached)
CREATE OR REPLACE TRIGGER fx_events_audit AFTER INSERT ON fx_events_2026 REFERENCING NEW TABLE AS inserted FOR EACH ROW EXECUTE FUNCTION fx_audit();
CREATE OR REPLACE TRIGGER fx_events_audit AFTER INSERT ON fx_events_2027 REFERENCING NEW TABLE AS inserted FOR EACH ROW EXECUTE FUNCTION fx_audit();
-- "... not supported on inheritance children"
CREATE OR REPLACE TRIGGER fx_special_audit AFTER INSERT ON fx_special_products REFERENCING NEW TABLE AS inserted FOR EACH ROW EXECUTE FUNCTION fx_audit();
-- relation "fx_catalog_snapshot" cannot have triggers; relation "fx_seq" cannot have triggers
CREATE OR REPLACE TRIGGER fx_snapshot_audit AFTER INSERT ON fx_catalog_snapshot FOR EACH STATEMENT EXECUTE FUNCTION fx_audit();
CREATE OR REPLACE TRIGGER fx_seq_audit AFTER INSERT ON fx_seq FOR EACH STATEMENT EXECUTE FUNCTION fx_audit();
