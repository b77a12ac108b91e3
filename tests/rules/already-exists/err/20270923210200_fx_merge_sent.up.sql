-- 'issued' is a label already: "enum label "issued" already exists"
ALTER TYPE fx_invoice_status RENAME VALUE 'sent' TO 'issued';
