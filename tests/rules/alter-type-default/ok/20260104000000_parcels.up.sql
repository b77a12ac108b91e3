CREATE TABLE IF NOT EXISTS parcels (
  id bigint PRIMARY KEY,
  quantity text DEFAULT '1',
  fragile integer NOT NULL DEFAULT 0,
  weight text,
  label text DEFAULT 'none',
  code varchar(10) DEFAULT 'x'
);
