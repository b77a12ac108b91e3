DROP TYPE IF EXISTS item_state;
