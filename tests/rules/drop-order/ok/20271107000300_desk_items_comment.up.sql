COMMENT ON TABLE desk_items IS 'desk items';
