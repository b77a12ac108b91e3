DROP TABLE IF EXISTS tokens, members, audit_notes, slots, invites;
