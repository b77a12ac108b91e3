-- A column of the quoted enum "Role" takes the new value in the transaction that adds it
-- (unsafe use of new value "EDITOR" of enum type "Role", 55P04).
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'EDITOR';
UPDATE "Member" SET "role" = 'EDITOR' WHERE "role" = 'MODERATOR';
