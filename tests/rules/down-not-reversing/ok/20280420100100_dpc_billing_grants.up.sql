-- dpc_billing_ro holds SELECT since the table was made (the default privileges gave it, as
-- relacl shows: {postgres=arwdDxt/postgres,dpc_billing_ro=r/postgres}): stating it again changes
-- nothing, and a REVOKE in the down would take what it had before the up
GRANT SELECT ON dpc_billing.invoices TO dpc_billing_ro;
GRANT SELECT, INSERT ON dpc_billing.invoices TO dpc_billing_app;
