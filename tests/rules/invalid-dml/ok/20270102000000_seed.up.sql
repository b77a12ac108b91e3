INSERT INTO country (id, code) OVERRIDING SYSTEM VALUE VALUES (1, 'FR'), (2, 'DE');
INSERT INTO country (id, code) OVERRIDING USER VALUE VALUES (1, 'FR');
INSERT INTO country (id, code, label) VALUES (DEFAULT, 'FR', DEFAULT), (DEFAULT, 'DE', DEFAULT);
INSERT INTO country VALUES (DEFAULT, 'FR', 'France', DEFAULT, 5);
INSERT INTO country VALUES (DEFAULT, 'FR');
INSERT INTO country (seq, code) VALUES (7, 'FR');
UPDATE country SET id = DEFAULT, label = DEFAULT, seq = 3;
UPDATE country SET (id, name) = (DEFAULT, 'x');
INSERT INTO country (code) SELECT title FROM ticket;
INSERT INTO country (code, name) SELECT * FROM (SELECT title, old_note FROM ticket) t;
INSERT INTO elsewhere (whatever, id) VALUES (1, 2);
INSERT INTO copy (nothing) VALUES (1);
INSERT INTO child (title, extra) VALUES ('a', 'b');
MERGE INTO country c USING ticket t ON c.code = t.title
    WHEN NOT MATCHED THEN INSERT (id, code) OVERRIDING SYSTEM VALUE VALUES (t.id, t.title);
INSERT INTO country (code) VALUES ('FR') ON CONFLICT (id) DO UPDATE SET name = excluded.name, label = DEFAULT;
INSERT INTO country (code) VALUES ('FR') ON CONFLICT (id) DO NOTHING;
INSERT INTO country (code, name) SELECT (t).* FROM (SELECT title, old_note FROM ticket) t;
INSERT INTO country (code, name) SELECT t.* FROM (SELECT title, old_note FROM ticket) t;
