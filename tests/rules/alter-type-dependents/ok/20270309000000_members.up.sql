CREATE TABLE IF NOT EXISTS members (id bigint PRIMARY KEY, card_number varchar(20) NOT NULL, code varchar(20) NOT NULL, handle text NOT NULL);
CREATE INDEX IF NOT EXISTS members_card_number_like ON members (card_number varchar_pattern_ops);
CREATE INDEX IF NOT EXISTS members_code ON members (code text_ops);
CREATE INDEX IF NOT EXISTS members_handle_like ON members (handle text_pattern_ops);
