UPDATE events SET kind = 'deleted' WHERE kind = 'expired';
