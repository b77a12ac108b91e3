-- Both sequences are payout_admin's already: nothing to give back.
ALTER SEQUENCE payouts_id_seq OWNER TO payout_admin;
ALTER SEQUENCE payouts_n_seq OWNER TO payout_admin;
