CREATE TABLE rk_clients (
  id bigint CONSTRAINT rk_clients_pk PRIMARY KEY,
  email text NOT NULL CONSTRAINT rk_customers_email_key UNIQUE,
  span int4range,
  CONSTRAINT rk_clients_span_excl EXCLUDE USING gist (span WITH &&)
);
