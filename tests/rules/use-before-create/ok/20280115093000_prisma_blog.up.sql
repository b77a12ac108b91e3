-- Prisma's quoted tables: their names keep their case.
CREATE TABLE IF NOT EXISTS "User" ("id" SERIAL NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
CREATE TABLE IF NOT EXISTS "Post" ("id" SERIAL NOT NULL, "authorId" INTEGER, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
