ALTER TABLE plans RENAME TO plans_old;
CREATE TABLE plans (code text PRIMARY KEY CHECK (code <> ''));
INSERT INTO plans SELECT * FROM plans_old;
DROP TABLE plans_old;
