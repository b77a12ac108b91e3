CREATE TABLE IF NOT EXISTS countries (code text PRIMARY KEY CHECK (char_length(code) = 2),
  name varchar(100), kind "char");
SELECT 'x'::char(3);
