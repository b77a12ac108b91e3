ALTER TABLE crates RENAME TO crates_new;
ALTER TABLE crates_old RENAME TO crates;
DROP TABLE crates_new;
