DROP FUNCTION state_label(shipping.state);
DROP FUNCTION state_label(billing.state);
DROP TYPE shipping.state;
DROP SCHEMA shipping;
DROP TYPE billing.state;
DROP SCHEMA billing;
