int caseload_placeholder;
