-- Back to where the previous migration left it: the CHECK NOT VALID (pg_constraint.convalidated
-- false before this up and after this down).
ALTER TABLE nv_invoices ALTER COLUMN currency DROP NOT NULL;
ALTER TABLE nv_invoices ADD CONSTRAINT nv_invoices_currency_not_null
    CHECK (currency IS NOT NULL) NOT VALID;
