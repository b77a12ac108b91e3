ALTER TYPE address ADD ATTRIBUTE city text;
