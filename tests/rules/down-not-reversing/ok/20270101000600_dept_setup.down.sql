DROP TABLE nv_department;
