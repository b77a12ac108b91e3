CREATE TABLE customer (id int PRIMARY KEY, code text UNIQUE, credit int CHECK (credit >= 0));
CREATE TABLE purchase (id int PRIMARY KEY, customer_id int REFERENCES customer (id),
  payer_id int CONSTRAINT purchase_payer_fkey REFERENCES customer (id) DEFERRABLE);
ALTER TABLE purchase ALTER CONSTRAINT purchase_customer_id_fkey DEFERRABLE;
BEGIN;
-- DEFERRABLE, made so or altered since; IMMEDIATE and ALL are taken of any
SET CONSTRAINTS purchase_payer_fkey DEFERRED;
SET CONSTRAINTS purchase_customer_id_fkey DEFERRED;
SET CONSTRAINTS customer_code_key IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
UPDATE customer SET id = id + 1000 WHERE id < 1000;
COMMIT;
