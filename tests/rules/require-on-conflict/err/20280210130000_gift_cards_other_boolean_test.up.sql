CREATE TABLE IF NOT EXISTS gift_cards (
  id bigint PRIMARY KEY,
  code text NOT NULL,
  archived boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX IF NOT EXISTS gift_cards_lower_code_live_key ON gift_cards (lower(code)) WHERE NOT archived;
INSERT INTO gift_cards (id, code) VALUES (1, 'G1') ON CONFLICT (lower(code)) WHERE archived IS FALSE DO NOTHING;
INSERT INTO gift_cards (id, code) VALUES (2, 'G2') ON CONFLICT (lower(code)) WHERE archived = 't' DO NOTHING;
INSERT INTO gift_cards (id, code) VALUES (3, 'G3') ON CONFLICT (lower(code)) WHERE archived = true DO NOTHING;
