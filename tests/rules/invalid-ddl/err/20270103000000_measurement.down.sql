DROP TABLE measurement_2022;
DROP TABLE measurement_2021;
DROP TABLE measurement_2020;
DROP TABLE measurement_2019;
DROP TABLE measurement;
