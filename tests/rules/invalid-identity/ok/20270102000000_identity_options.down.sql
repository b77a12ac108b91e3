DROP TABLE IF EXISTS option_case_0, option_case_1, option_case_2, option_case_3, option_def_a;
