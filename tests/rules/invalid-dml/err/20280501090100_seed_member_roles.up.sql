INSERT INTO "Member" (email, role) VALUES ('a@example.com', 'ADMIN'), ('b@example.com', 'admin') ON CONFLICT (email) DO NOTHING;
UPDATE "Member" SET role = 'USER' WHERE email LIKE '%@example.com';
INSERT INTO "Member" (email, role) SELECT 'c@example.com', 'Owner' WHERE NOT EXISTS (SELECT 1 FROM "Member" WHERE email = 'c@example.com');
INSERT INTO "Member" (email, role) VALUES ('d@example.com', 'OWNER') ON CONFLICT (email) DO UPDATE SET role = 'GUEST';
UPDATE "Member" SET (email, role) = ('e@example.com', 'GUEST') WHERE false;
