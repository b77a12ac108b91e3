ALTER TABLE crates VALIDATE CONSTRAINT crates_depot_id_fkey;
ALTER TRIGGER crates_touch ON crates RENAME TO crates_touch_v1;
