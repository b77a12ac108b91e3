INSERT INTO ticket (id, state) VALUES (1, 'reopened') ON CONFLICT (id) DO NOTHING;
INSERT INTO ticket (id, kind) VALUES (2, 'feature') ON CONFLICT (id) DO NOTHING;
INSERT INTO ticket (id, source) VALUES (3, 'email') ON CONFLICT (id) DO NOTHING;
-- an array of the enum: not judged
UPDATE ticket SET states = '{closed}' WHERE id = 1;
UPDATE ticket SET state = 'closed' WHERE id = 2;
-- runs only when the data says
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM ticket WHERE id = 4) THEN
    UPDATE ticket SET state = 'archived' WHERE id = 4;
  END IF;
END
$$;
