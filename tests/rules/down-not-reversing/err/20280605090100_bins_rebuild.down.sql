ALTER TABLE bins RENAME TO bins_new;
ALTER TABLE bins_old RENAME TO bins;
DROP TABLE bins_new;
