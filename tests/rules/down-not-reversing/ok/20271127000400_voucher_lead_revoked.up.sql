-- also revokes what voucher_lead granted through its option, and what that was granted on
REVOKE GRANT OPTION FOR SELECT ON vouchers FROM voucher_lead CASCADE;
