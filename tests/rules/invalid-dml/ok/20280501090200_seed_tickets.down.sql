DELETE FROM ticket WHERE id IN (1, 2, 3);
