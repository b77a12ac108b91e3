-- word still maps to the dictionary.
ALTER TEXT SEARCH CONFIGURATION simple_words ALTER MAPPING FOR asciiword WITH english_stem;
DROP TEXT SEARCH DICTIONARY IF EXISTS simple_words_dict;
DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_words;
