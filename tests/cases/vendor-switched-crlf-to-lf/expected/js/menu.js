function a() {
  return 10; // наша правка
}

function b() {
  return 20;
}
