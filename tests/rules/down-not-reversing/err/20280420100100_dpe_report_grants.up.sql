GRANT SELECT ON dpe.early_totals, dpe.late_totals TO dpe_auditor, dpe_reader;
REVOKE EXECUTE ON FUNCTION dpe.grand_total() FROM PUBLIC;
