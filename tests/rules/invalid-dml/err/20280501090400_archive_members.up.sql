UPDATE "Member" SET role = 'ARCHIVED' WHERE id < 0;
