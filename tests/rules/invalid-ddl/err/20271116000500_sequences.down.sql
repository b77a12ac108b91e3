DROP SEQUENCE IF EXISTS batch_seq, batch_seq_b, batch_seq_c, tiny_seq, falling_seq, ticket_seq,
    ticket_seq_zero, ticket_seq_one, countdown_seq, small_seq, small_seq_max, floor_seq;
