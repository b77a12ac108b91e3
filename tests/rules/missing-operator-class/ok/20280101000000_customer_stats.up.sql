CREATE TABLE IF NOT EXISTS customers (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country text NOT NULL,
    city    text,
    prefs   jsonb,
    tags    text[]
);
-- jsonb and arrays of a type with an ordering have a default B-tree operator class.
CREATE STATISTICS IF NOT EXISTS customers_country_prefs_stats (dependencies)
    ON country, prefs FROM customers;
CREATE STATISTICS IF NOT EXISTS customers_country_city_tags_stats ON country, city, tags
    FROM customers;
