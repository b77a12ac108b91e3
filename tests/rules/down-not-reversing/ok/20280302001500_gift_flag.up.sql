DO $$
BEGIN
  IF to_regtype('public.gift_flag') IS NULL THEN
    CREATE DOMAIN public.gift_flag AS boolean DEFAULT 'f';
  END IF;
END
$$;
