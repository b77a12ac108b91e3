-- unaccent is an earlier migration's, which its down drops
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS dict_int;
DROP TEXT SEARCH DICTIONARY IF EXISTS name_unaccent;
CREATE TEXT SEARCH DICTIONARY name_unaccent (TEMPLATE = unaccent, RULES = 'unaccent');
DROP TEXT SEARCH DICTIONARY IF EXISTS short_numbers;
CREATE TEXT SEARCH DICTIONARY short_numbers (TEMPLATE = public.intdict_template, MAXLEN = 4);
-- PostgreSQL's own template: no extension to outlive
DROP TEXT SEARCH DICTIONARY IF EXISTS plain_words;
CREATE TEXT SEARCH DICTIONARY plain_words (TEMPLATE = simple, STOPWORDS = english);
