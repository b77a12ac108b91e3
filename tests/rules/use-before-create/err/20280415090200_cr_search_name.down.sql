UPDATE cr_customers SET search_name = NULL;
