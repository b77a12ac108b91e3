-- The first step of SET NOT NULL without a long lock: a CHECK added NOT VALID.
ALTER TABLE nv_invoices ADD CONSTRAINT nv_invoices_currency_not_null
    CHECK (currency IS NOT NULL) NOT VALID;
