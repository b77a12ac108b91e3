ALTER SEQUENCE handed_over_id_seq OWNED BY handed_over.legacy_id;
