ALTER VIEW co_active_projects SET (check_option = local);
ALTER VIEW co_recent_projects RESET (check_option);
