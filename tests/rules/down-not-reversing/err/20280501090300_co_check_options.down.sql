-- RESET leaves no check option at all where the view was made WITH CASCADED CHECK OPTION, and
-- nothing gives co_recent_projects its LOCAL check option back.
ALTER VIEW co_active_projects RESET (check_option);
