-- In a down it undoes its up (which a runner would refuse to run in a transaction anyway).
DROP DATABASE IF EXISTS analytics;
