DROP TABLE IF EXISTS "FixmBilling".fixm_invoice;
DROP SCHEMA IF EXISTS "FixmBilling";
