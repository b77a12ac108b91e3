ALTER EXTENSION pgcrypto SET SCHEMA crypto_b;
