ALTER EXTENSION pgcrypto SET SCHEMA crypto_a;
