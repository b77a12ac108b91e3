CREATE TEXT SEARCH DICTIONARY english_stop_simple (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION simple_stop (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION simple_stop ALTER MAPPING FOR asciiword WITH english_stop_simple;
