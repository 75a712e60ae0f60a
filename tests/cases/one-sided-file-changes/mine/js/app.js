var v = 1;
