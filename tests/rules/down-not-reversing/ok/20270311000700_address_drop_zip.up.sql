-- The last attribute: ADD ATTRIBUTE puts it back where it was.
ALTER TYPE address DROP ATTRIBUTE zip;
ALTER TYPE address ADD ATTRIBUTE country text;
