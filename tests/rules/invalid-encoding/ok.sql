-- café, naïve, 日本語
CREATE TABLE IF NOT EXISTS cafés (id bigint PRIMARY KEY, label text DEFAULT 'crème');
