CREATE TABLE IF NOT EXISTS cv_customers (id bigint PRIMARY KEY, email text NOT NULL, full_name text NOT NULL, status text, deleted_at timestamptz);
CREATE OR REPLACE VIEW cv_active_customers AS
    SELECT id, lower(email) AS email, full_name, upper(status) AS status_label, status::text AS status
    FROM cv_customers
    WHERE deleted_at IS NULL
    WITH CASCADED CHECK OPTION;
-- cannot update column "email" of view "cv_active_customers"
UPDATE cv_active_customers
   SET email = replace(email, '@example.org', '@example.com')
 WHERE email LIKE '%@example.org';
-- cannot insert into column "status_label" of view "cv_active_customers"
INSERT INTO cv_active_customers (id, full_name, status_label) VALUES (1, 'Ada', 'NEW')
ON CONFLICT DO NOTHING;
-- plain columns, and a cast to the column's own type (a plain column too): fine
UPDATE cv_active_customers SET full_name = initcap(full_name), status = 'new' WHERE id = 1;
DELETE FROM cv_active_customers WHERE email = 'qa@example.com';
CREATE OR REPLACE VIEW cv_named (customer_id, mail) AS SELECT id, lower(email) FROM cv_customers;
-- cannot update column "mail" of view "cv_named"
UPDATE cv_named SET mail = 'x' WHERE customer_id = 1;
