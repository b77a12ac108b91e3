UPDATE cro_customers SET note = NULL;
