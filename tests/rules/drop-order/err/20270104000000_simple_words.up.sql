CREATE TEXT SEARCH CONFIGURATION simple_words (COPY = english);
CREATE TEXT SEARCH DICTIONARY simple_words_dict (TEMPLATE = simple);
ALTER TEXT SEARCH CONFIGURATION simple_words ALTER MAPPING FOR asciiword, word WITH simple_words_dict;
