CALL cp_escalate_ticket(0, NULL);
-- PostgreSQL 14 and later want an argument for the OUT parameter too
CALL cp_lower_priority(0);
