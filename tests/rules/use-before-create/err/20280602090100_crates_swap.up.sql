-- A rebuild by swap: LIKE ... INCLUDING ALL copies no foreign key and no trigger, which stay on
-- crates_old.
CREATE TABLE IF NOT EXISTS crates_new (LIKE crates INCLUDING ALL);
INSERT INTO crates_new SELECT * FROM crates ON CONFLICT DO NOTHING;
ALTER TABLE crates RENAME TO crates_old;
ALTER TABLE crates_new RENAME TO crates;
