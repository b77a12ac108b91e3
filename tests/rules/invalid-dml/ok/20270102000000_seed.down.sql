DELETE FROM country;
