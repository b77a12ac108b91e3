DROP POLICY IF EXISTS "Allow authorized update access" ON public.messages;
