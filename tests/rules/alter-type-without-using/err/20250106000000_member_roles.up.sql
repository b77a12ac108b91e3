CREATE TABLE IF NOT EXISTS "Member" ("id" bigint PRIMARY KEY, "role" text NOT NULL);
