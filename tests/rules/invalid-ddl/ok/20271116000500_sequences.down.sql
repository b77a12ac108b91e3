DROP SEQUENCE IF EXISTS batch_seq, tiny_seq, falling_seq, ticket_seq;
