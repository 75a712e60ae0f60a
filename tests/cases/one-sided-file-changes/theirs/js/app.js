var v = 2;
