UPDATE events SET kind = 'deleted' WHERE kind = 'purged';
