-- pg_type.typdefault is false after this, as it was after CREATE DOMAIN ... DEFAULT 'f'.
ALTER DOMAIN gift_flag SET DEFAULT false;
