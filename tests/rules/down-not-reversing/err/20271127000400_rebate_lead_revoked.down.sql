-- gives rebate_lead its grant back, not what rebate_clerk and rebate_temp held through it
GRANT SELECT ON rebates TO rebate_lead WITH GRANT OPTION;
