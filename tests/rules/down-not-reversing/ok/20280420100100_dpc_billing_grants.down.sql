REVOKE SELECT, INSERT ON dpc_billing.invoices FROM dpc_billing_app;
