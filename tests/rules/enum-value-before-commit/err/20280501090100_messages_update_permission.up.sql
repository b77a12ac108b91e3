ALTER TYPE public.app_permission ADD VALUE IF NOT EXISTS 'messages.update';
DROP POLICY IF EXISTS "Allow authorized update access" ON public.messages;
CREATE POLICY "Allow authorized update access" ON public.messages
  FOR UPDATE TO public
  USING ((SELECT public.authorize('messages.update')));
SELECT public.has_team_role(1, 'messages.update');
