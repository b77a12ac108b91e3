ALTER TABLE plans RENAME TO plans_new;
CREATE TABLE plans (code text PRIMARY KEY);
INSERT INTO plans SELECT * FROM plans_new;
DROP TABLE plans_new;
