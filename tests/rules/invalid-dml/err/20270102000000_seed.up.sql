INSERT INTO country (id, code) VALUES (1, 'FR'), (2, 'DE');
INSERT INTO country (code, name) VALUES ('FR');
INSERT INTO country (code) VALUES ('FR', 'France');
INSERT INTO country (code, name) VALUES ('FR', 'France'), ('DE');
INSERT INTO country VALUES (DEFAULT, 'FR', 'France', DEFAULT, 'extra');
INSERT INTO country (code, label) VALUES ('FR', 'fr');
INSERT INTO country (code, label) OVERRIDING SYSTEM VALUE VALUES ('FR', 'fr');
INSERT INTO country (code, nom) VALUES ('FR', 'France');
UPDATE country SET id = id + 1000;
UPDATE country SET label = 'x';
INSERT INTO country (id, code) SELECT id, title FROM ticket;
INSERT INTO country (code) SELECT title, old_note FROM ticket;
MERGE INTO country c USING ticket t ON c.code = t.title
    WHEN NOT MATCHED THEN INSERT (id, code) VALUES (t.id, t.title);
MERGE INTO country c USING ticket t ON c.code = t.title
    WHEN MATCHED THEN UPDATE SET id = t.id;
INSERT INTO country (code) VALUES ('FR') ON CONFLICT (id) DO UPDATE SET id = excluded.id;
INSERT INTO country (code) VALUES ('FR') ON CONFLICT (id) DO UPDATE SET nom = excluded.name;
