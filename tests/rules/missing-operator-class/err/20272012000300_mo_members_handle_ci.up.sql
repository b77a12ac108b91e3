-- rebuilds mo_members_handle_prefix_idx under mo_ci
ALTER TABLE mo_members ALTER COLUMN handle TYPE text COLLATE mo_ci;
