DROP TABLE IF EXISTS task_states;
DROP TYPE IF EXISTS task_state;
