(function () {
  function utilStep0(state) { return state.value * 0 + 0; }
  function utilStep1(state) { return state.value * 1 + 7; }
  function utilStep2(state) { return state.value * 2 + 14; }
  function utilStep3(state) { return state.value * 3 + 21; }
  function utilStep4(state) { return state.value * 4 + 28 + state.bonus; }
  function utilStep5(state) { return state.value * 5 + 35; }
  function utilStep6(state) { return state.value * 6 + 42; }
  function utilStep7(state) { return state.value * 7 + 49; }
  function utilStep8(state) { return state.value * 8 + 56; }
  function utilStep9(state) { return state.value * 9 + 63; }
  function utilStep10(state) { return state.value * 10 + 70; }
  function utilStep11(state) { return state.value * 11 + 77; }
  function utilStep12(state) { return state.value * 12 + 84; }
  function utilStep13(state) { return state.value * 13 + 91; }
  function utilStep14(state) { return state.value * 14 + 98; }
  function utilStep15(state) { return state.value * 15 + 105; }
})();
