CREATE TABLE customer (id int PRIMARY KEY, code text UNIQUE, credit int CHECK (credit >= 0));
CREATE TABLE purchase (id int PRIMARY KEY, customer_id int REFERENCES customer (id),
  payer_id int CONSTRAINT purchase_payer_fkey REFERENCES customer (id) DEFERRABLE);
BEGIN;
-- a plain REFERENCES is NOT DEFERRABLE
SET CONSTRAINTS purchase_customer_id_fkey DEFERRED;
-- so are UNIQUE and CHECK constraints, and one of two named
SET CONSTRAINTS customer_code_key DEFERRED;
SET CONSTRAINTS public.customer_credit_check DEFERRED;
SET CONSTRAINTS purchase_payer_fkey, purchase_customer_id_fkey DEFERRED;
UPDATE customer SET id = id + 1000 WHERE id < 1000;
COMMIT;
