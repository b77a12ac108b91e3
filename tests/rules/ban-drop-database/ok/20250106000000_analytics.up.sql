-- DROP of other things is other rules' concern.
DROP SCHEMA IF EXISTS analytics_staging CASCADE;
