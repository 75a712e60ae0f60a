var a = "Привет";
var b = 2;
var c = 3;
