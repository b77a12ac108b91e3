ALTER TYPE address DROP ATTRIBUTE country;
ALTER TYPE address ADD ATTRIBUTE zip text;
