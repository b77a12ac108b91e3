DROP SCHEMA IF EXISTS ae_app, ae_billing CASCADE;
