DROP TABLE IF EXISTS public.fixm_note2;
DROP TABLE IF EXISTS "FixmOk".fixm_note;
DROP TABLE IF EXISTS "FixmOk"."Account";
DROP SCHEMA IF EXISTS "FixmOk";
