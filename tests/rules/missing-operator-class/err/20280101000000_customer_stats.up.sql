CREATE TABLE IF NOT EXISTS customers (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country text NOT NULL,
    prefs   json,
    home    point,
    tags    json[]
);
CREATE STATISTICS IF NOT EXISTS customers_country_prefs_stats (dependencies)
    ON country, prefs FROM customers;
CREATE STATISTICS IF NOT EXISTS customers_home_country_stats ON home, country FROM customers;
CREATE STATISTICS IF NOT EXISTS customers_country_tags_stats ON country, tags FROM customers;
