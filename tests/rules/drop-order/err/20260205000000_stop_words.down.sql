-- The configuration still maps asciiword to the dictionary.
DROP TEXT SEARCH DICTIONARY IF EXISTS english_stop_simple;
DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_stop;
