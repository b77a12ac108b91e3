CREATE SCHEMA IF NOT EXISTS "FixmOk";
CREATE TABLE IF NOT EXISTS "FixmOk"."Account" ("Id" bigint PRIMARY KEY);
ALTER TABLE "FixmOk"."Account" ADD COLUMN IF NOT EXISTS "Email" text;
CREATE INDEX IF NOT EXISTS fixm_ok_email_idx ON "FixmOk"."Account" ("Email");
SET search_path TO "FixmOk";
CREATE TABLE IF NOT EXISTS fixm_note (id int);
-- fixmok does not exist, public does: the table goes to public.
SET search_path TO FixmOk, public;
CREATE TABLE IF NOT EXISTS fixm_note2 (id int);
