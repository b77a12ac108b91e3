-- citext and uuid-ossp stay: earlier migrations' tables use them.
DROP FUNCTION IF EXISTS public.hash_token(text);
DROP TABLE IF EXISTS public.members;
DROP EXTENSION IF EXISTS pgcrypto;
