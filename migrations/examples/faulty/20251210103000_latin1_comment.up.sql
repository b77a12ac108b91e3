-- Café opening hours, saved as Latin-1
CREATE TABLE IF NOT EXISTS opening_hours (day int PRIMARY KEY);
