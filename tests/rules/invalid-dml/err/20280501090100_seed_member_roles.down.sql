DELETE FROM "Member" WHERE email LIKE '%@example.com';
